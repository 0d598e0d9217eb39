/**
 * Jest setupFiles: the globals WeChat provides and miniprogram-simulate does not (Page, App, getApp,
 * getCurrentPages, requirePlugin), plus a working in-memory wx storage. Each test file starts from here.
 */
import 'miniprogram-simulate';
import { installMemoryStorage } from './wx-storage';
import { resetPlatformGlobals } from './platform-globals';

type Options = Record<string, unknown>;
const g = globalThis as unknown as Record<string, unknown>;

let appInstance: Options = { globalData: {} };
g.App = (options: Options) => {
  appInstance = options;
};
g.getApp = () => appInstance;
g.Page = (options: Options) => (g.Component as (o: Options) => void)(options);
g.getCurrentPages = () => [];

installMemoryStorage();
resetPlatformGlobals();
