import zlib from 'node:zlib';
import type { Request, Response } from 'restify';

/**
 * Reading request bodies with bounded memory and CPU, on every route (`server.use`), before any
 * authentication or validation: restify's own body reader unpacked a gzip body with no limit
 * (a 249 KB request took 7 s of CPU and ~1 GB of memory) and counted only compressed bytes.
 *
 * - `Content-Length` over the limit: 413 before reading anything.
 * - Bytes read over the limit, counted **after** decompression (`gzip`, `deflate`; any other
 *   `Content-Encoding` gets 415): 413 as soon as the limit is passed; decompression stops there.
 * - JSON (`application/json`, `*+json`) nested deeper than `maxDepth`: 400 before parsing (deep
 *   nesting overflowed the stack in later steps and showed a 500 with the internal error).
 * - Malformed JSON: 400 without quoting the body (JSON.parse's message quotes it).
 *
 * Refusals never repeat what the client sent. Other content types keep their body as text
 * (`req.body`), as restify's reader did.
 */
export interface BodyLimits {
  /** `MAX_BODY_BYTES`: the most bytes a body may hold once decompressed. */
  maxBytes: number;
  /** How deeply JSON arrays and objects may nest. */
  maxDepth: number;
}

/** Default `maxDepth`: activities, Direct Line bodies and API bodies nest far less. */
export const DEFAULT_MAX_JSON_DEPTH = 32;

/** Why a body was refused, before any route saw it. */
export interface BodyRefusal {
  status: 400 | 413 | 415;
  code: 'payload_too_large' | 'unsupported_encoding' | 'too_deep' | 'malformed_json';
  message: string;
}

/** Writes a refusal in the shape of the API the request went to. */
export type BodyRefusalWriter = (req: Request, res: Response, refusal: BodyRefusal) => void;

/** How long the rest of an unread body is drained after the answer, before the connection is cut. */
const DRAIN_MS = 2000;

/**
 * For an answer sent before the body was read: the connection closes after it (`Connection:
 * close`); what is left of the body is read and dropped meanwhile (so the client sees the
 * answer, not a reset), for `DRAIN_MS` at most, then the socket is cut.
 */
export function closeAfterAnswer(req: Request, res: Response): void {
  res.setHeader('Connection', 'close');
  req.resume();
  res.once('finish', () => {
    const socket = req.socket;
    if (!socket || socket.destroyed) return;
    setTimeout(() => socket.destroy(), DRAIN_MS).unref();
  });
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * Depth of the deepest array or object in a JSON text (strings skipped), or `Infinity` as soon
 * as it passes `limit`. Linear, no allocation, no recursion.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | undefined | 'unsupported' {
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    default:
      return 'unsupported';
  }
}

/**
 * The restify handler reading every request's body within `limits`; refusals are written by
 * `refuse` and end the request (the connection is closed: what is left of the body is not read).
 */
export function boundedBodyReader(limits: BodyLimits, refuse: BodyRefusalWriter): (req: Request, res: Response, next: (err?: unknown) => void) => void {
  const tooLarge: BodyRefusal = { status: 413, code: 'payload_too_large', message: `the request body is larger than ${limits.maxBytes} bytes (counted after decompression)` };
  return (req, res, next) => {
    const state = req as Request & { _readBody?: boolean; rawBody?: unknown };
    if (state._readBody) return next();
    state._readBody = true;
    const declared = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if ((declared === undefined || declared === '0') && !chunked) return next();

    let finished = false;
    let decoder: zlib.Gunzip | zlib.Inflate | undefined;
    const stop = (refusal: BodyRefusal): void => {
      if (finished) return;
      finished = true;
      decoder?.destroy();
      req.unpipe();
      req.removeAllListeners('data');
      closeAfterAnswer(req, res);
      refuse(req, res, refusal);
    };

    if (declared !== undefined && !(Number(declared) <= limits.maxBytes)) return stop(tooLarge);
    const encoding = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
    const chosen = decoderFor(encoding);
    if (chosen === 'unsupported') {
      res.setHeader('Accept-Encoding', 'gzip, deflate');
      return stop({ status: 415, code: 'unsupported_encoding', message: 'content encoding not supported: send the body uncompressed, or with gzip or deflate' });
    }
    decoder = chosen;

    const chunks: Buffer[] = [];
    let received = 0; // bytes on the wire
    let decoded = 0; // bytes once decompressed
    const keep = (chunk: Buffer): void => {
      if (finished) return;
      decoded += chunk.length;
      if (decoded > limits.maxBytes) return stop(tooLarge);
      chunks.push(chunk);
    };
    const done = (): void => {
      if (finished) return;
      finished = true;
      const raw = Buffer.concat(chunks);
      const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (!JSON_TYPE.test(type)) {
        req.body = raw.toString('utf8');
        state.rawBody = req.body;
        return next();
      }
      const text = raw.toString('utf8');
      state.rawBody = text;
      if (text.trim() === '') {
        req.body = undefined;
        return next();
      }
      if (jsonDepthExceeds(text, limits.maxDepth)) {
        finished = false;
        return stop({ status: 400, code: 'too_deep', message: `the JSON body is nested deeper than ${limits.maxDepth} levels` });
      }
      try {
        req.body = JSON.parse(text) as unknown;
      } catch {
        finished = false;
        return stop({ status: 400, code: 'malformed_json', message: 'the body is not valid JSON' });
      }
      return next();
    };

    if (decoder) {
      decoder.on('data', keep);
      decoder.once('end', done);
      decoder.once('error', () => stop({ status: 400, code: 'malformed_json', message: `the body is not valid ${encoding} data` }));
    }
    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      received += chunk.length;
      if (received > limits.maxBytes) return stop(tooLarge);
      if (decoder) decoder.write(chunk);
      else keep(chunk);
    });
    req.once('end', () => (decoder ? decoder.end() : done()));
    req.once('error', () => {
      if (!finished) {
        finished = true;
        next(false);
      }
    });
    req.once('aborted', () => {
      finished = true;
      decoder?.destroy();
    });
  };
}
