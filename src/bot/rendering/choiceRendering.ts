import type { Activity } from 'botbuilder';
import { ChoiceFactory, supportsCardActions, supportsSuggestedActions, type Choice } from 'botbuilder-dialogs';

/** Facebook quick replies cut titles at 20 characters. */
const FACEBOOK_MAX_TITLE = 20;

/**
 * A question with choices, in the best form the channel renders: suggested actions where they
 * exist (Web Chat, Direct Line, Emulator, Telegram, Facebook with short titles), a hero card's
 * buttons where only card actions exist (Teams), otherwise a numbered text list (SMS,
 * WhatsApp via gateways, unknown channels) that the person answers with a number.
 *
 * Unlike botbuilder's `ChoiceFactory.forChannel`, long titles do not force a text list on
 * channels that show them well: our labels are plain sentences in many languages.
 */
export function choicesActivity(channelId: string, choices: Choice[], text: string): Partial<Activity> {
  const count = choices.length;
  const longest = Math.max(0, ...choices.map((c) => (c.action?.title ?? c.value).length));
  const titlesFit = channelId !== 'facebook' || longest <= FACEBOOK_MAX_TITLE;
  if (titlesFit && supportsSuggestedActions(channelId, count)) return ChoiceFactory.suggestedAction(choices, text);
  if (titlesFit && supportsCardActions(channelId, count)) return ChoiceFactory.heroCard(choices, text);
  return ChoiceFactory.list(choices, text, undefined, { includeNumbers: true });
}
