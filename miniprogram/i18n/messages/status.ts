const zhCN = {
  placeholder: '…',
};

const en: typeof zhCN = {
  placeholder: '…',
};

export default { 'zh-CN': zhCN, en };
