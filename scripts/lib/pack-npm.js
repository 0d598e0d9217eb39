/**
 * Builds miniprogram/miniprogram_npm offline with miniprogram-ci's packNpmManually, as DevTools' "Build npm" does
 * (the project sets packNpmManually). Needs no AppID, key or network.
 */
const fs = require('fs');
const path = require('path');
const { PROJECT_ROOT, MP_ROOT, NPM_DIST } = require('./paths');

/** @returns {Promise<{ miniProgramPackNum: number, otherNpmPackNum: number, warnList?: Array<{ msg?: string }> }>} */
async function packNpm() {
  const ci = require('miniprogram-ci');
  const result = await ci.packNpmManually({
    packageJsonPath: path.join(PROJECT_ROOT, 'package.json'),
    miniprogramNpmDistDir: MP_ROOT,
  });
  if (!fs.existsSync(path.join(NPM_DIST, '@vant', 'weapp'))) {
    throw new Error('packNpmManually did not produce miniprogram_npm/@vant/weapp');
  }
  return result;
}

module.exports = { packNpm };
