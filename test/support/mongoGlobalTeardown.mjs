/** jest globalTeardown: stops the FerretDB that mongoGlobalSetup.mjs started, if any. */
export default async function mongoGlobalTeardown() {
  const server = globalThis.__passerelleFerretDB;
  delete globalThis.__passerelleFerretDB;
  await server?.stop();
}
