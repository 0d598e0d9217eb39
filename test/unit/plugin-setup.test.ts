import { configurePlugin } from '../../miniprogram/platform/voip/plugin-setup';

function fakePlugin() {
  return {
    setVoipEndPagePath: jest.fn(),
    setUIConfig: jest.fn(),
  };
}

const NO_SIZE = { width: 0, height: 0 };
const LANDSCAPE = { width: 1280, height: 800 };

const asPlugin = (fake: ReturnType<typeof fakePlugin>) => fake as unknown as WmpfVoip.Plugin;

describe('configurePlugin', () => {
  it('sends the device back to our page after a call', () => {
    const plugin = fakePlugin();
    configurePlugin(asPlugin(plugin), {
      endPageUrl: '/pages/contacts/index',
      endPageQuery: 'from=call',
      screen: NO_SIZE,
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
    configurePlugin(asPlugin(plugin), { endPageUrl: '/pages/contacts/index', screen: NO_SIZE });
    expect(Object.keys(plugin.setVoipEndPagePath.mock.calls[0][0])).not.toContain('options');
  });

  it("uses the speaker and an uncropped video, at the screen's height:width (landscape 1280 × 800 → 800/1280)", () => {
    const portrait = fakePlugin();
    configurePlugin(asPlugin(portrait), { endPageUrl: '/p', screen: NO_SIZE });
    expect(portrait.setUIConfig).toHaveBeenCalledWith({
      handsFree: true,
      isSelfWindowMax: false,
      callerUI: { objectFit: 'contain' },
      listenerUI: { objectFit: 'contain' },
    });
    const landscape = fakePlugin();
    configurePlugin(asPlugin(landscape), { endPageUrl: '/p', screen: LANDSCAPE });
    expect(landscape.setUIConfig.mock.calls[0][0].callerUI).toEqual({
      objectFit: 'contain',
      aspectRatio: 800 / 1280,
    });
    expect(landscape.setUIConfig.mock.calls[0][0].callerUI.aspectRatio).toBeLessThan(1);
    const portrait800 = fakePlugin();
    configurePlugin(asPlugin(portrait800), { endPageUrl: '/p', screen: { width: 800, height: 1280 } });
    expect(portrait800.setUIConfig.mock.calls[0][0].callerUI.aspectRatio).toBe(1280 / 800);
    // a family member calling the device (the device is the listener) looks the same
    expect(landscape.setUIConfig.mock.calls[0][0].listenerUI).toEqual({
      objectFit: 'contain',
      aspectRatio: 800 / 1280,
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
    expect(() => configurePlugin(asPlugin(plugin), { endPageUrl: '/p', screen: LANDSCAPE })).not.toThrow();
    expect(plugin.setUIConfig).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
