/**
 * The calling page. Query:
 *   openId, name, roomType → place that call once per page load and explain its outcome (default view)
 *   view=outcome           → how the last call ended (the plugin returns here after a call, see app-bootstrap)
 *   view=simulated-call    → the simulated plugin's call page (simulated platform only)
 * The logic lives in callStore; what is shown is derived by describeCallingScreen.
 */
import { autorun, observable, runInAction, type IReactionDisposer } from 'mobx-miniprogram';
import { texts } from '../../i18n/index';
import { getPlatform } from '../../services/platform';
import { parseCallingQuery } from '../../services/router';
import { setPageTitle } from '../../services/system';
import type { CallRequest } from '../../stores/call-store';
import { callStore, historyStore } from '../../stores/index';
import { createNavigationGuard, type NavigationGuard } from '../../utils/navigation-guard';
import {
  callAgainRequest,
  describeCallingScreen,
  type CallingInput,
  type CallingMode,
  type CallingView,
} from '../../view-models/calling-view';

interface PageState {
  mode: CallingMode;
  request: CallRequest | undefined;
  owns: boolean;
}

interface Session {
  state: PageState;
  dispose: IReactionDisposer;
  navigation: NavigationGuard;
}

const sessions = new WeakMap<object, Session>();

function modeOf(query: Record<string, string | undefined>): { mode: CallingMode; request?: CallRequest } {
  if (query.view === 'outcome') return { mode: 'outcome' };
  if (query.view === 'simulated-call') return { mode: 'simulated' };
  const parsed = parseCallingQuery(query);
  if (!parsed) return { mode: 'invalid' };
  return {
    mode: 'call',
    request: { contact: { openId: parsed.openId, name: parsed.name }, roomType: parsed.roomType },
  };
}

function sameCall(a: CallRequest | undefined, b: CallRequest | undefined): boolean {
  return !!a && !!b && a.contact.openId === b.contact.openId && a.roomType === b.roomType;
}

function inputOf(state: PageState): CallingInput {
  return {
    mode: state.mode,
    request: state.request,
    owns: state.owns,
    phase: callStore.phase,
    problem: callStore.problem,
    storeRequest: callStore.request,
    roomId: callStore.roomId,
    connected: callStore.connected,
    keepTime: callStore.keepTime,
    lastOutcome: callStore.lastOutcome,
    newestRecord: historyStore.records[0],
  };
}

const INITIAL_VIEW: CallingView = describeCallingScreen({
  mode: 'invalid',
  owns: false,
  phase: 'idle',
  connected: false,
  keepTime: 0,
});

Component({
  data: {
    text: texts('calling'),
    view: INITIAL_VIEW,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const text = texts('calling');
      this.setData({ text });
      setPageTitle(text.title);
      const { mode, request } = modeOf(query || {});
      const state = observable<PageState>({ mode, request, owns: true }, {}, { deep: false });
      const dispose = autorun(() => this.setData({ view: describeCallingScreen(inputOf(state)) }));
      sessions.set(this, { state, dispose, navigation: createNavigationGuard() });
      if (mode === 'outcome' && !historyStore.loaded) void historyStore.load();
      // once per page load: coming back to this page never starts a second call
      if (mode === 'call') void this.place();
    },
    onUnload() {
      const session = sessions.get(this);
      if (!session) return;
      session.dispose();
      sessions.delete(this);
      const { owns, mode } = session.state;
      if (!owns || (mode !== 'call' && mode !== 'outcome')) return;
      // left during the checks (back button): do not start the call behind the person's back
      if (callStore.phase === 'checking') callStore.cancel();
      // cleaned up only now, so the page never flashes "connecting" on its way out
      else callStore.dismiss();
    },
    async place() {
      const session = sessions.get(this);
      const request = session?.state.request;
      if (!session || !request) return;
      const { state } = session;
      if (callStore.busy) {
        // the same call, still being set up (back and forth): follow it; another one: say so
        runInAction(() => (state.owns = sameCall(callStore.request, request)));
        return;
      }
      runInAction(() => (state.owns = true));
      const result = await callStore.placeCall(request);
      if (result === 'ignored') runInAction(() => (state.owns = sameCall(callStore.request, request)));
    },
    onRetry() {
      void this.place();
    },
    onCallAgain() {
      const session = sessions.get(this);
      if (!session) return;
      const request = callAgainRequest(inputOf(session.state));
      if (!request || callStore.busy) return;
      runInAction(() => {
        session.state.mode = 'call';
        session.state.request = request;
      });
      void this.place();
    },
    onOpenSettings() {
      void getPlatform().permissions.openSettings();
    },
    onCancel() {
      callStore.cancel();
      this.backToContacts();
    },
    onBack() {
      this.backToContacts();
    },
    backToContacts() {
      sessions.get(this)?.navigation.go(() => getPlatform().router.backToContacts());
    },
    onHangUp() {
      const roomId = callStore.roomId;
      if (roomId) getPlatform().voip.forceHangUp(roomId);
    },
  },
});
