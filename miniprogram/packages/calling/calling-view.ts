/** The calling screen's view: what the page renders (view-model.ts and failed-view.ts fill it). */
import type { RoomType } from '../../platform/voip/types';

export type CallingScreen =
  | 'invalid'
  | 'connecting'
  | 'failed'
  /** another call is being set up or running: this page does not start one */
  | 'elsewhere'
  /** our page is still shown while the call runs (the plugin's call page did not open) */
  | 'in-call'
  | 'outcome'
  /** ended, without knowing how */
  | 'ended';

export interface CallingView {
  screen: CallingScreen;
  name: string;
  /** the avatar of `name` */
  initials: string;
  color: string;
  /** their picture, when the contacts have one ('' for initials) */
  avatar: string;
  roomType: RoomType;
  roomTypeText: string;
  /** icon file under /assets/icons, '' for none */
  icon: string;
  title: string;
  hint: string;
  /** "错误码 9", for the person helping */
  codeText: string;
  durationText: string;
  showSettings: boolean;
  /** outcome: the same call can be placed again (an openId is known) */
  canCallAgain: boolean;
  /** failed: "retry" is the main button (a retry can succeed: network, busy, an interrupted start) */
  retryLeads: boolean;
  /** failed: "retry" is offered at all */
  canRetry: boolean;
  /** failed: who can fix what a retry cannot, in one plain sentence ('' when a retry can) */
  fixer: string;
  /** outcome: the page goes back to the contacts by itself after AUTO_RETURN_MS without a touch */
  autoReturn: boolean;
  /** incoming ringing or in a call on our page: the plugin's call screen can be opened again */
  canOpenCallScreen: boolean;
  /** "answer" while it rings, "back to the call screen" once answered */
  callScreenLabel: string;
  /** the main outcome button: "call back" after a family member's call, else "call again" */
  callAgainLabel: string;
}

/** An outcome returns to the contacts by itself after this long without a touch. */
export const AUTO_RETURN_MS = 30_000;

export function blank(screen: CallingScreen, roomType: RoomType = 'voice'): CallingView {
  return {
    screen,
    name: '',
    initials: '',
    color: '',
    avatar: '',
    roomType,
    roomTypeText: '',
    icon: '',
    title: '',
    hint: '',
    codeText: '',
    durationText: '',
    showSettings: false,
    canCallAgain: false,
    retryLeads: false,
    canRetry: false,
    fixer: '',
    autoReturn: false,
    canOpenCallScreen: false,
    callAgainLabel: '',
    callScreenLabel: '',
  };
}
