/**
 * jest globalSetup: the compiled app for the child-process tests (buildGlobalSetup.mjs), then
 * the MongoDB server of the MongoDB tests (mongoGlobalSetup.mjs).
 */
import { buildForChildProcesses } from './buildGlobalSetup.mjs';
import mongoGlobalSetup from './mongoGlobalSetup.mjs';

export default async function globalSetup() {
  buildForChildProcesses();
  await mongoGlobalSetup();
}
