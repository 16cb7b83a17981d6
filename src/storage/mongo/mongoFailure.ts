import { MongoInvalidArgumentError, MongoParseError, MongoServerError } from 'mongodb';
import { StorageUnavailableError } from '../errors';

const FALLBACK = 'or unset MONGODB_URI to use the embedded SQLite database';

/**
 * Turns a failure to connect into a `StorageUnavailableError` that says what to check. Nothing
 * between `://` and the last `@` of the URI (user name, password) ever reaches the message, and
 * the driver's error is attached as `cause` only when it does not contain them either.
 */
export function mongoUnavailable(uri: string, err: unknown): StorageUnavailableError {
  const { hosts, secrets } = splitUri(uri);
  const redact = (text: string): string => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  const reason = redact(err instanceof Error ? err.message : String(err));
  let message: string;
  if (err instanceof MongoParseError || err instanceof MongoInvalidArgumentError) {
    message = `MONGODB_URI is not a valid MongoDB connection string (${reason}). Fix it (mongodb://host:27017 or mongodb+srv://...) ${FALLBACK}.`;
  } else if (isAuthFailure(err)) {
    message = `MongoDB at ${hosts} refused the credentials in MONGODB_URI (${reason}). Check the user name, password and authSource, ${FALLBACK}.`;
  } else if (err instanceof MongoServerError) {
    message = `MongoDB at ${hosts} refused to prepare the database (${reason}). Check that the user in MONGODB_URI may read, write and create indexes in it, ${FALLBACK}.`;
  } else {
    message =
      `Cannot reach MongoDB at ${hosts} (${reason}). Check that the host and port in MONGODB_URI are right, ` +
      `that the MongoDB server is running and reachable from this machine (firewall, Atlas IP access list), ${FALLBACK}.`;
  }
  const detail = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  return new StorageUnavailableError(message, redact(detail) === detail ? err : undefined);
}

/** Whether the server refused an insert because the `_id` (or a unique index value) exists. */
export function isDuplicateKeyError(err: unknown): boolean {
  return err instanceof MongoServerError && err.code === 11000;
}

function isAuthFailure(err: unknown): boolean {
  return (err instanceof MongoServerError && err.code === 18) || (err instanceof Error && /authenticat/i.test(err.message));
}

/** The printable host list of a URI, and the credential strings that must never be printed. */
function splitUri(uri: string): { hosts: string; secrets: string[] } {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(uri)?.[0] ?? '';
  const rest = uri.slice(scheme.length);
  const at = rest.lastIndexOf('@');
  const userInfo = at >= 0 ? rest.slice(0, at) : '';
  const hosts = rest.slice(at + 1).split(/[/?]/, 1)[0] || 'the host named in MONGODB_URI';
  const password = userInfo.slice(userInfo.indexOf(':') + 1);
  const secrets = [userInfo, password, safeDecode(password)].filter((s) => s.length > 0);
  // Longest first, so a password is not half-replaced inside the user info.
  return { hosts, secrets: [...new Set(secrets)].sort((a, b) => b.length - a.length) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
