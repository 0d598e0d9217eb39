/**
 * Builds miniprogram/miniprogram_npm offline with miniprogram-ci's packNpmManually, as DevTools' "Build npm" does
 * (the project sets packNpmManually). Needs no AppID, key or network.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MP_ROOT, NPM_DIST, PROJECT_ROOT } from '../../harness/package/files';

export async function packNpm(): Promise<{
  miniProgramPackNum: number;
  otherNpmPackNum: number;
  warnList?: Array<{ msg?: string }>;
}> {
  const ci = await import('miniprogram-ci');
  const result = await ci.packNpmManually({
    packageJsonPath: path.join(PROJECT_ROOT, 'package.json'),
    miniprogramNpmDistDir: MP_ROOT,
  });
  if (!fs.existsSync(path.join(NPM_DIST, '@vant', 'weapp'))) {
    throw new Error('packNpmManually did not produce miniprogram_npm/@vant/weapp');
  }
  return result;
}
