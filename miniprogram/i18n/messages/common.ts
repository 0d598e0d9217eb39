/** Texts more than one page shows. */
const zhCN = {
  voiceCall: '语音通话',
  videoCall: '视频通话',
};

export default zhCN;
