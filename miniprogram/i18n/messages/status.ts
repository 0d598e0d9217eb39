const zhCN = {
  checking: '正在检查设备…',
  ready: '设备已就绪',
  simulated: '模拟设备（开发者工具）：不会真正拨打电话',
  notRegistered: '设备还没有注册，暂时不能通话',
  notRegisteredHint: '请联系设备管理员在设备上完成注册，然后重新打开本程序。',
  unsupported: '设备软件版本太低，不能通话',
  unsupportedHint:
    '需要 WMPF {minWmpf} 及以上、通话插件 {minPlugin} 及以上。当前：WMPF {wmpf}，插件 {plugin}。请联系管理员升级。',
  notWmpf: '这里不能发起设备通话',
  notWmpfHint: '请在家里的通话设备上使用本程序。',
  hostError: '连接不上设备服务',
  hostTimeoutHint: '设备服务没有回应，请稍后再试；如果一直这样，请重启设备。',
  hostInvokeFailedHint: '设备主程序没有提供需要的功能，请联系管理员升级设备程序。',
  hostMalformedHint: '设备主程序返回的信息看不懂，请联系管理员检查设备程序。',
  lastKnown: '可以通话：用的是上次记下的设备信息',
  lastKnownHint: '设备信息记于 {when}。这次：{why}',
  pluginMissing: '通话插件不可用',
  pluginMissingHint: '请联系管理员为本程序添加「小程序音视频通话 for 硬件」插件。',
  prefetchReady: '通话已准备好',
  prefetchPending: '正在准备通话…',
  prefetchFailed: '通话准备没完成，仍然可以拨打，接通可能慢一点',
  recheck: '重新检查',
};

export default zhCN;
