const zhCN = {
  title: '通话',
  connecting: '正在连接…',
};

const en: typeof zhCN = {
  title: 'Call',
  connecting: 'Connecting…',
};

export default { 'zh-CN': zhCN, en };
