/**
 * The environment jest gives the tests, for a plain Node process (`npm start`, the bench) and for the `screenshots`
 * jest project (Node environment, so playwright runs in the test itself). Import it first.
 */
import './jsdom-globals';
import './setup';
