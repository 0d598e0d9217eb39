/**
 * Jest setupFiles of the `tests` project (and, through node-env.ts, of plain Node scripts): miniprogram-simulate's
 * globals, then the ones WeChat has and simulate lacks (globals.ts). Each test file starts from here.
 */
import 'miniprogram-simulate';
import * as pinyinTable from '../miniprogram/pinyin/index';
import { registerPinyinTable } from '../miniprogram/utils/contact-search';
import { installAppShims, installMemoryStorage, resetPlatformGlobals } from './globals';

installAppShims();
installMemoryStorage();
resetPlatformGlobals();
// the app registers it once its subpackage has loaded (composition-root.ts loadSearchTable); jest cannot require.async
registerPinyinTable(pinyinTable);
