/** What every public form (建言献策, 好人好事, 知识竞答) hands its script: the messages it shows and the proof-of-work widget's settings. The script's steps are lib/form-submit.ts. */
import { PARTICIPATION_MESSAGES } from '@campaign-desk/shared';

export const FORM_SCRIPT_MESSAGES = JSON.stringify({
  verifying: PARTICIPATION_MESSAGES.verifying,
  sending: PARTICIPATION_MESSAGES.sending,
  offline: PARTICIPATION_MESSAGES.offline,
  proofFailed: PARTICIPATION_MESSAGES.proofFailed,
  failed: PARTICIPATION_MESSAGES.failed,
});

// The widget's own settings: no attribution footer or logo, and it starts when a reader begins the form.
export const PROOF_WIDGET = JSON.stringify({ hideFooter: true, hideLogo: true });
