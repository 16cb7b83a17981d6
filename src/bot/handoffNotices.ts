import { HANDOFF_DIALOG } from '../../dialogs';
import type { HandoffMessagePayload, HandoffService } from '../services/handoffService';
import type { PersonNotice } from './passerelleBot';

/**
 * A handoff message put into words for the person: a caseworker's reply in a translated frame
 * (`handoff:reply`), or the end, which also closes the handoff dialog so that the bot resumes
 * where it was. Undefined when the handoff or the reply is gone (erased).
 */
export async function handoffNotice(payload: HandoffMessagePayload, handoffs: HandoffService): Promise<PersonNotice | undefined> {
  const handoff = await handoffs.get(payload.handoffId);
  if (!handoff) return undefined;
  if (payload.event === 'ended') {
    return { fallbackLanguage: handoff.language, text: (texts) => texts.t('handoff:endedByCaseworker'), closeDialog: HANDOFF_DIALOG };
  }
  const entry = handoff.exchange.find((e) => e.id === payload.entryId);
  if (!entry) return undefined;
  return { fallbackLanguage: handoff.language, text: (texts) => texts.t('handoff:reply', { text: entry.text }) };
}
