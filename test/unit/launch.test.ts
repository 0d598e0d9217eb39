import { noteAppShow } from '../../miniprogram/composition-root';
import { homeRouteFor } from '../../miniprogram/routes';
import { classifyShow, createLaunchGuard, incomingCallOf } from '../../miniprogram/platform/launch';
import { installPhonePlatform } from '../../harness/platform';
import { installTestPlatform } from '../../harness/platform';

const CALL_PAGE = 'plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin';

function pluginEntering(query: Record<string, string> | undefined) {
  return () =>
    ({
      getPluginEnterOptions: () => (query ? { query } : undefined),
    }) as unknown as WmpfVoip.Plugin;
}

describe('why the app is shown', () => {
  it('treats isPreLaunch=1 from getPluginEnterOptions().query as a pre-launch', () => {
    const guard = createLaunchGuard(pluginEntering({ isPreLaunch: '1' }));
    expect(guard.noteShow({ path: CALL_PAGE, query: {} })).toBe('pre-launch');
    expect(guard.mayActOnItsOwn()).toBe(false);
  });

  it('also reads isPreLaunch from the app show query (a warm-up into our own page)', () => {
    expect(classifyShow({ path: 'pages/contacts/index', query: { isPreLaunch: '1' } }, {})).toBe(
      'pre-launch',
    );
    expect(classifyShow({ path: 'pages/contacts/index', query: { isPreLaunch: '0' } }, {})).toBe('normal');
  });

  it('treats a show into the plugin call page (incoming call, answer from a notification) as call-page', () => {
    const guard = createLaunchGuard(pluginEntering({ roomType: 'video', groupId: 'r-1' }));
    expect(guard.noteShow({ path: CALL_PAGE, query: { roomType: 'video' } })).toBe('call-page');
    expect(guard.mayActOnItsOwn()).toBe(false);
    expect(guard.noteShow({ path: 'pages/contacts/index', query: {} })).toBe('normal');
    expect(guard.mayActOnItsOwn()).toBe(true);
  });

  it('survives a missing plugin, a throwing plugin and junk options', () => {
    expect(createLaunchGuard(() => undefined).noteShow(undefined)).toBe('normal');
    const throwing = createLaunchGuard(() => {
      throw new Error('no plugin');
    });
    expect(throwing.noteShow({ path: 42 } as unknown as { path: string })).toBe('normal');
  });
});

describe('the call a launch into the plugin call page is for', () => {
  it('reads room, kind and caller from the push query (URI-encoded), never the listenerId (the sn)', () => {
    const launch = incomingCallOf({
      roomType: 'voice',
      groupId: 'room-9',
      listenerId: 'SN-0001',
      callerName: encodeURIComponent('妈妈'),
    });
    expect(launch).toEqual({ roomId: 'room-9', roomType: 'voice', callerName: '妈妈' });
    expect(JSON.stringify(launch)).not.toContain('SN-0001');
  });

  it.each([
    ['a pre-launch', { isPreLaunch: '1', groupId: 'room-9' }],
    ['no room', { roomType: 'video', callerName: 'x' }],
    ['our own call page (no query)', {}],
  ])('is none for %s', (_name, query) => {
    expect(incomingCallOf(query)).toBeUndefined();
  });

  it('keeps what is valid of junk: an unknown kind is left out, a malformed escape kept as written', () => {
    expect(incomingCallOf({ roomId: 'r', roomType: 'hologram', callerName: '%E5%A6' })).toEqual({
      roomId: 'r',
      callerName: '%E5%A6',
    });
  });

  it("from the show into the call page, else (already in front) from the call page's own query", () => {
    const plugin = {
      getPluginEnterOptions: () => ({ query: { groupId: 'room-1', roomType: 'video' } }),
      getPluginOnloadOptions: () => ({ groupId: 'room-2', roomType: 'voice' }),
    };
    const guard = createLaunchGuard(() => plugin as unknown as WmpfVoip.Plugin);
    guard.noteShow({ path: CALL_PAGE, query: { callerName: 'A' } });
    expect(guard.incomingCall()).toEqual({ roomId: 'room-1', roomType: 'video', callerName: 'A' });
    guard.noteShow({ path: 'pages/contacts/index', query: {} });
    expect(guard.incomingCall()).toEqual({ roomId: 'room-2', roomType: 'voice' });
  });
});

describe('role home', () => {
  const CONTACTS = 'pages/contacts/index';

  it('is the contacts page on a device and "my devices" on a phone', () => {
    expect(homeRouteFor('device')).toBe('/pages/contacts/index');
    expect(homeRouteFor('phone')).toBe('/packages/phone/devices/index');
  });

  it('sends a phone from the contacts page to its devices on a normal show', async () => {
    const t = installPhonePlatform({ route: CONTACTS });
    noteAppShow(t.platform, { path: CONTACTS, query: {} });
    expect(t.stores.role.role).toBe('phone');
    expect(t.stores.role.leaveForHome(CONTACTS)).toBe(true);
    await t.clock.runAll();
    expect(t.router.history).toEqual([{ kind: 'redirectTo', url: '/packages/phone/devices/index' }]);
  });

  it('keeps a device on the contacts page', async () => {
    const t = installTestPlatform();
    expect(t.stores.role.leaveForHome(CONTACTS)).toBe(false);
    expect(t.router.history).toEqual([]);
  });

  it('never navigates on a pre-launch show, and never starts a call then', async () => {
    const t = installPhonePlatform();
    t.sim.plugin.getPluginEnterOptions = () => ({ query: { isPreLaunch: '1' } });
    expect(noteAppShow(t.platform, { path: CALL_PAGE, query: { isPreLaunch: '1' } })).toBe('pre-launch');
    expect(t.stores.role.leaveForHome(CONTACTS)).toBe(false);
    await t.clock.runAll();
    expect(t.router.history).toEqual([]);
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(t.sim.plugin.callWmpfRequests).toHaveLength(0);
  });
});
