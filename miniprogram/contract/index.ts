/** The contract as one import, `#contract` for the server (package.json "imports"). Pure: no `wx`, no Node API. */
export * from './formats';
export * from './signing';
export * from './api-paths';
export * from './names';
export * from './bodies';
export * from './errors';
export * from './signed-request';
export * from './rules/pairing';
export * from './rules/push-token';
