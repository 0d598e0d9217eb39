const path = require('path');

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const MP_ROOT = path.join(PROJECT_ROOT, 'miniprogram');
const NPM_DIST = path.join(MP_ROOT, 'miniprogram_npm');

module.exports = { PROJECT_ROOT, MP_ROOT, NPM_DIST };
