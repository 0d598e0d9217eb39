/** Texts more than one page shows. */
const zhCN = {
  voiceCall: '语音通话',
  videoCall: '视频通话',
};

const en: typeof zhCN = {
  voiceCall: 'Voice call',
  videoCall: 'Video call',
};

export default { 'zh-CN': zhCN, en };
