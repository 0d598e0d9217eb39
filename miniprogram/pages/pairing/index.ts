import { texts } from '../../i18n/index';
import { FAMILY_ROUTES } from '../../services/family-routes';
import { getPlatform } from '../../services/platform';
import { createPairingFlow, type PairingFlow } from '../../services/phone/pairing-flow';
import { setPageTitle } from '../../services/system';
import { createNavigationGuard, type NavigationGuard } from '../../utils/navigation-guard';
import { pairingView } from '../../view-models/pairing-view';

interface Session {
  flow: PairingFlow;
  unsubscribe: () => void;
  navigation: NavigationGuard;
}

/** Per page instance (the page may be opened twice in a stack). */
const sessions = new WeakMap<object, Session>();

/** Phone: a family member authorises the device whose pairing code they scanned, and is added as its contact. */
Component({
  data: {
    text: texts('pairing'),
    view: pairingView({ step: 'loading' }),
    name: '',
    nameError: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const text = texts('pairing');
      this.setData({ text });
      setPageTitle(text.title);
      const platform = getPlatform();
      const flow = createPairingFlow({
        backend: platform.backend,
        wechat: platform.phone?.wechat,
        clock: platform.clock,
      });
      const unsubscribe = flow.subscribe((state) => this.setData({ view: pairingView(state) }));
      sessions.set(this, { flow, unsubscribe, navigation: createNavigationGuard() });
      void flow.start(query);
    },
    onUnload() {
      sessions.get(this)?.unsubscribe();
      sessions.delete(this);
    },
    onNameChange(event: { detail: unknown }) {
      const name = typeof event.detail === 'string' ? event.detail : '';
      this.setData(this.data.nameError ? { name, nameError: '' } : { name });
    },
    async onAgree() {
      const flow = sessions.get(this)?.flow;
      if (!flow) return;
      const answer = await flow.authorise(this.data.name);
      if (answer === 'name-missing') this.setData({ nameError: this.data.text.nameMissing });
    },
    onRetry() {
      return sessions.get(this)?.flow.retry();
    },
    onOpenSettings() {
      return getPlatform().permissions.openSettings();
    },
    onMyDevices() {
      sessions.get(this)?.navigation.go(() => getPlatform().router.redirectTo(FAMILY_ROUTES.devices));
    },
  },
});
