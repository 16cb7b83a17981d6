import { MongoNetworkError, MongoParseError, MongoServerError } from 'mongodb';
import { StorageUnavailableError } from '../../src/storage';
import { isDuplicateKeyError, mongoUnavailable } from '../../src/storage/mongo/mongoFailure';

describe('mongoUnavailable', () => {
  const uri = 'mongodb+srv://app:Very%2FSecret@cluster0.example.net/passerelle?retryWrites=true';

  it('names the hosts, says what to check, and never prints the password', () => {
    const error = mongoUnavailable(uri, new MongoNetworkError('connection to cluster0.example.net closed'));
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(error.message).toContain('cluster0.example.net');
    expect(error.message).toMatch(/host and port in MONGODB_URI.*running.*unset MONGODB_URI to use the embedded SQLite/s);
    expect(error.message).not.toMatch(/Very|Secret/);
  });

  it('says to check the credentials when authentication fails', () => {
    const error = mongoUnavailable(uri, new MongoServerError({ message: 'Authentication failed.', code: 18 }));
    expect(error.message).toMatch(/refused the credentials.*user name, password and authSource/);
  });

  it('says to check the user rights when the server refuses an operation', () => {
    const error = mongoUnavailable(uri, new MongoServerError({ message: 'not authorized on passerelle', code: 13 }));
    expect(error.message).toMatch(/create indexes/);
  });

  it('removes the password from a driver message that quotes it, and drops such a cause', () => {
    const error = mongoUnavailable(uri, new MongoParseError('bad option in app:Very%2FSecret and Very/Secret'));
    expect(error.message).toMatch(/not a valid MongoDB connection string/);
    expect(error.message).not.toMatch(/Very|Secret/);
    expect(error.cause).toBeUndefined();
  });

  it('keeps a harmless driver error as the cause', () => {
    const cause = new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017');
    expect(mongoUnavailable(uri, cause).cause).toBe(cause);
  });

  it('recognises duplicate-key errors', () => {
    expect(isDuplicateKeyError(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }))).toBe(true);
    expect(isDuplicateKeyError(new MongoServerError({ message: 'other', code: 2 }))).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000'))).toBe(false);
  });
});
