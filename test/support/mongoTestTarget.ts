/**
 * The MongoDB server the MongoDB tests run against, as chosen by the jest globalSetup
 * (test/support/mongoGlobalSetup.mjs): a URI and the server's name ("FerretDB v1.24.2",
 * "MONGODB_URI"), or the reason there is none.
 */
export type MongoTestTarget = { kind: 'server'; uri: string; server: string } | { kind: 'skipped'; reason: string };

export function mongoTestTarget(env: NodeJS.ProcessEnv = process.env): MongoTestTarget {
  const uri = env.PASSERELLE_TEST_MONGODB_URI;
  if (uri) return { kind: 'server', uri, server: env.PASSERELLE_TEST_MONGODB_SERVER ?? 'MongoDB' };
  return {
    kind: 'skipped',
    reason: env.PASSERELLE_TEST_MONGODB_SKIPPED ?? 'no MongoDB server chosen: run jest with jest.config.js, whose globalSetup chooses one'
  };
}
