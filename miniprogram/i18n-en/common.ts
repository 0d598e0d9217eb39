import type zhCN from '../i18n/messages/common';

export default {
  voiceCall: 'Voice call',
  videoCall: 'Video call',
} satisfies typeof zhCN;
