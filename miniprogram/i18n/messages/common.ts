const zhCN = {
  appName: '家人通话',
  retry: '重试',
  back: '返回',
  cancel: '取消',
  confirm: '确定',
  loading: '加载中…',
  voiceCall: '语音通话',
  videoCall: '视频通话',
};

const en: typeof zhCN = {
  appName: 'Family Call',
  retry: 'Retry',
  back: 'Back',
  cancel: 'Cancel',
  confirm: 'OK',
  loading: 'Loading…',
  voiceCall: 'Voice call',
  videoCall: 'Video call',
};

export default { 'zh-CN': zhCN, en };
