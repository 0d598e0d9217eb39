import { bootstrapApp, handleAppShow } from './services/app-bootstrap';
import { startStores } from './stores/index';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    bootstrapApp();
    startStores();
  },
  onShow(options) {
    handleAppShow(options);
  },
});
