import { bootstrapApp } from './services/app-bootstrap';
import { startStores } from './stores/index';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    bootstrapApp();
    startStores();
  },
});
