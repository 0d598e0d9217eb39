/**
 * The environment jest gives the tests, for a plain Node process (`npm start`, preview scripts): jsdom globals,
 * miniprogram-simulate, and the same platform shims and in-memory wx storage as test/helpers/setup.ts.
 * Import it first; the .ts require hook (register-ts.js) must already be installed.
 */
import './jsdom-globals';
import '../../test/helpers/setup';
