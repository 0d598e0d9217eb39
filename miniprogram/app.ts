import { launchApp, showApp } from './composition-root';

App<IAppOption>({
  globalData: {},
  onLaunch(options) {
    launchApp(options);
  },
  onShow(options) {
    showApp(options);
  },
});
