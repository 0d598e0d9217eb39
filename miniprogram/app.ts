import { bootstrapApp } from './services/app-bootstrap';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    bootstrapApp();
  },
});
