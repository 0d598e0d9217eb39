import { configurePlugin } from '../../miniprogram/platform/voip/plugin-setup';

function fakePlugin() {
  return {
    setVoipEndPagePath: jest.fn(),
    setUIConfig: jest.fn(),
  };
}

const asPlugin = (fake: ReturnType<typeof fakePlugin>) => fake as unknown as WmpfVoip.Plugin;

describe('configurePlugin', () => {
  it('sends the device back to our page after a call', () => {
    const plugin = fakePlugin();
    configurePlugin(asPlugin(plugin), {
      endPageUrl: '/pages/contacts/index',
      endPageQuery: 'from=call',
      landscape: false,
    });
    expect(plugin.setVoipEndPagePath).toHaveBeenCalledWith({
      url: '/pages/contacts/index',
      key: 'Call',
      options: 'from=call',
      routeType: 'redirectTo',
    });
  });

  it('leaves the options key out without a query', () => {
    const plugin = fakePlugin();
    configurePlugin(asPlugin(plugin), { endPageUrl: '/pages/contacts/index', landscape: false });
    expect(Object.keys(plugin.setVoipEndPagePath.mock.calls[0][0])).not.toContain('options');
  });

  it('uses the speaker and an uncropped video, wide on landscape screens', () => {
    const portrait = fakePlugin();
    configurePlugin(asPlugin(portrait), { endPageUrl: '/p', landscape: false });
    expect(portrait.setUIConfig).toHaveBeenCalledWith({
      handsFree: true,
      isSelfWindowMax: false,
      callerUI: { objectFit: 'contain' },
      listenerUI: { objectFit: 'contain' },
    });
    const landscape = fakePlugin();
    configurePlugin(asPlugin(landscape), { endPageUrl: '/p', landscape: true });
    expect(landscape.setUIConfig.mock.calls[0][0].callerUI).toEqual({
      objectFit: 'contain',
      aspectRatio: 16 / 9,
    });
    // a family member calling the device (the device is the listener) looks the same
    expect(landscape.setUIConfig.mock.calls[0][0].listenerUI).toEqual({
      objectFit: 'contain',
      aspectRatio: 16 / 9,
    });
  });

  it('survives plugin methods that throw, and still applies the other setting', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const plugin = fakePlugin();
    plugin.setVoipEndPagePath.mockImplementation(() => {
      throw new Error('old plugin');
    });
    plugin.setUIConfig.mockImplementation(() => {
      throw new Error('old plugin');
    });
    expect(() => configurePlugin(asPlugin(plugin), { endPageUrl: '/p', landscape: true })).not.toThrow();
    expect(plugin.setUIConfig).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
