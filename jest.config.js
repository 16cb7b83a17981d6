/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  maxWorkers: 2,
  testTimeout: 30000,
  // The compiled app for child-process tests (.test-build/), and the MongoDB server of the MongoDB
  // tests: MONGODB_URI, else FerretDB (PASSERELLE_MONGO=off: none).
  globalSetup: '<rootDir>/test/support/globalSetup.mjs',
  globalTeardown: '<rootDir>/test/support/mongoGlobalTeardown.mjs',
  verbose: false,
  // jest's own output, then why tests were skipped (each skipped suite says why in its name).
  reporters: ['default', '<rootDir>/test/support/skippedTestsReporter.js']
};
