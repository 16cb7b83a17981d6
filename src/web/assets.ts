import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'restify';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** A static file served under a content-hashed name, so it can be cached for a year. */
export interface Asset {
  /** `<base><name>.<hash>.<ext>`, e.g. `/webchat/assets/webchat-page.0123456789abcdef.js` */
  readonly url: string;
  readonly contentType: string;
  readonly etag: string;
  readonly body: Buffer;
}

export type Encoding = 'br' | 'gzip';

/**
 * Compressed forms, made on first demand once per file content and process, off the event
 * loop. Brotli at quality 9 (under half a second for Web Chat's bundle; 11 would take several
 * seconds for 10 % less).
 */
const compressed = new Map<string, Promise<Buffer>>();

function compressedForm(asset: Asset, encoding: Encoding): Promise<Buffer> {
  const key = `${asset.etag}:${encoding}`;
  let form = compressed.get(key);
  if (!form) {
    form =
      encoding === 'br'
        ? brotli(asset.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length } })
        : gzip(asset.body, { level: 9 });
    compressed.set(key, form);
  }
  return form;
}

/** The encodings the client accepts (`Accept-Encoding`, q=0 excluded). */
export function acceptedEncodings(header: string | undefined): Set<Encoding> {
  const accepted = new Set<Encoding>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    if (name === 'br' || name === 'gzip') accepted.add(name);
  }
  return accepted;
}

/** The best encoding of a small, per-request `body` (a page): brotli, gzip, or none. */
export function compressSmall(body: Buffer, acceptEncoding: string | undefined): { body: Buffer; encoding?: Encoding } {
  const accepted = acceptedEncodings(acceptEncoding);
  if (body.length < 1024) return { body };
  if (accepted.has('br')) return { body: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }), encoding: 'br' };
  if (accepted.has('gzip')) return { body: zlib.gzipSync(body), encoding: 'gzip' };
  return { body };
}

/** The project root (the folder with package.json), from source (ts-jest) or from `dist/`. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`assets: no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The folder of the pages' own scripts and styles (`public/`). */
export function publicDir(): string {
  return path.join(projectRoot(), 'public');
}

/** Names `body` `<base><name>.<hash><ext>` (`base` ends with a slash, `ext` starts with a dot). */
export function bytesAsset(body: Buffer, options: { base: string; name: string; ext: string; contentType: string }): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { url: `${options.base}${options.name}.${hash}${options.ext}`, contentType: options.contentType, etag: `"${hash}"`, body };
}

/** Reads `file` and names it `<base><name>.<hash><ext>` (`base` ends with a slash). */
export function loadAsset(file: string, options: { base: string; name: string; contentType: string }): Asset {
  return bytesAsset(fs.readFileSync(file), { ...options, ext: path.extname(file) });
}

/** How long a content-hashed file may be kept: its name changes with its content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves an asset: brotli or gzip when accepted, 304 for a matching `If-None-Match`, cached as
 * `cacheControl` says (by default a year, immutable: content-hashed names).
 */
export async function sendAsset(req: Request, res: Response, asset: Asset, cacheControl: string = IMMUTABLE): Promise<void> {
  const headers: Record<string, string> = {
    'Content-Type': asset.contentType,
    'Cache-Control': cacheControl,
    ETag: asset.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff'
  };
  if (req.header('if-none-match') === asset.etag) {
    res.sendRaw(304, '', headers);
    return;
  }
  const accepted = acceptedEncodings(req.header('accept-encoding'));
  const encoding: Encoding | undefined = asset.body.length < 1024 ? undefined : accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
  let body = asset.body;
  if (encoding) {
    body = await compressedForm(asset, encoding);
    headers['Content-Encoding'] = encoding;
  }
  headers['Content-Length'] = String(body.length);
  res.sendRaw(200, body, headers);
}

/**
 * A `GET <base>:file` handler for these assets: the file by its exact content-hashed name,
 * 404 for any other (an unknown, outdated or made-up name).
 */
export function assetHandler(base: string, assets: readonly Asset[]): (req: Request, res: Response) => Promise<void> {
  const byUrl = new Map(assets.map((a) => [a.url, a]));
  return async (req, res) => {
    const asset = byUrl.get(`${base}${String(req.params.file)}`);
    if (!asset) {
      res.send(404, { error: 'not_found' });
      return;
    }
    await sendAsset(req, res, asset);
  };
}
