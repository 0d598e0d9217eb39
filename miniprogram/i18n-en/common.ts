import type zhCN from '../i18n/messages/common';

const en: typeof zhCN = {
  voiceCall: 'Voice call',
  videoCall: 'Video call',
};

export default en;
