/** Texts more than one page shows. */
export default {
  voiceCall: '语音通话',
  videoCall: '视频通话',
};
