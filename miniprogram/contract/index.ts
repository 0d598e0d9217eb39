/**
 * The contract as one import: `#contract` for the reference server (server/package.json "imports", tsconfig
 * "paths"). Pure, like everything it re-exports: no `wx`, no Node API.
 */
export * from './wire';
export * from './signed-request';
export * from './rules/pairing';
export * from './rules/push-token';
