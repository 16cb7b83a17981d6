import type { Request, Response } from 'restify';
import type { z } from 'zod';

/**
 * What the routes share to read requests and answer them. Each API keeps its own error body
 * (an `ErrorShape`); the checks here only decide the status and the reasons.
 */

/** A refused request, before an API writes it in its own shape. */
export interface Problem {
  status: number;
  /** A stable machine-readable code (`invalid_request`, `BadArgument`…). */
  code: string;
  /** For people reading the response. */
  message?: string;
  /** Why the body was rejected, field by field (400). */
  invalid?: z.ZodError;
}

/** How one API writes a `Problem` into a response. */
export type ErrorShape = (res: Response, problem: Problem) => void;

/** Short, field-naming reasons for a rejected body: `answers.age: Too big: expected number to be <=120`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
}

/** The same problems as `{ path, message }` pairs. */
export function fieldIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

/**
 * The flat error body of Passerelle's own APIs: `{ error: code, message?, reasons? }`, with
 * `fields` (`{ path, message }`) too when `withFields` (the walk-in API, docs/openapi.yaml).
 */
export function flatErrorShape(options: { withFields?: boolean } = {}): ErrorShape {
  return (res, problem) => {
    const { status, code, message, invalid } = problem;
    res.send(status, {
      error: code,
      ...(message !== undefined ? { message } : {}),
      ...(invalid && options.withFields ? { fields: fieldIssues(invalid) } : {}),
      ...(invalid ? { reasons: describeIssues(invalid) } : {})
    });
  };
}

/** A JSON response, with extra headers when given. */
export function sendJson(res: Response, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.header(name, value);
  res.send(status, body);
}

/** Answers 415 (with `problem`'s code and message) unless the request's body is JSON. */
export function requireJson(req: Request, res: Response, errors: ErrorShape, problem: { code: string; message: string }): boolean {
  if (req.is('json')) return true;
  errors(res, { status: 415, ...problem });
  return false;
}

/** As `requireJson`, for routes whose body is optional: a request without a body passes. */
export function requireJsonIfBody(req: Request, res: Response, errors: ErrorShape, problem: { code: string; message: string }): boolean {
  const length = Number(req.header('content-length') ?? '0');
  const chunked = req.header('transfer-encoding') !== undefined;
  if (length === 0 && !chunked) return true;
  return requireJson(req, res, errors, problem);
}

/**
 * The request's body checked against `schema` (`fallback` when there is none); on failure
 * answers 400 with `problem`'s code and message and the field-naming reasons, and returns
 * undefined.
 */
export function parseBody<S extends z.ZodType>(
  req: Request,
  res: Response,
  schema: S,
  errors: ErrorShape,
  problem: { code: string; message?: string; fallback?: unknown }
): z.infer<S> | undefined {
  const parsed = schema.safeParse(req.body ?? problem.fallback);
  if (parsed.success) return parsed.data;
  errors(res, { status: 400, code: problem.code, ...(problem.message !== undefined ? { message: problem.message } : {}), invalid: parsed.error });
  return undefined;
}

/** A query parameter (the server has no query parser: routes read the URL themselves). */
export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

/** A cookie of the request, decoded; undefined when absent. */
export function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return undefined; // malformed %-escapes: as if absent
    }
  }
  return undefined;
}
