const zhCN = {
  title: '联系人',
  emptyTitle: '还没有联系人',
  emptyNoneAuthorised: '家人在手机微信里授权本设备后，就会出现在这里。',
};

const en: typeof zhCN = {
  title: 'Contacts',
  emptyTitle: 'No contacts yet',
  emptyNoneAuthorised: 'Family members appear here once they authorise this device in WeChat on their phone.',
};

export default { 'zh-CN': zhCN, en };
