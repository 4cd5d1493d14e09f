// One Jest run for the whole monorepo: unit tests beside their sources, integration tests in tests/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/core', '<rootDir>/metadata', '<rootDir>/runtime', '<rootDir>/designer', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }],
  },
  moduleNameMapper: {
    '^@stagecraft/(core|metadata|runtime)$': '<rootDir>/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  maxWorkers: 2,
  testTimeout: 60000,
};
