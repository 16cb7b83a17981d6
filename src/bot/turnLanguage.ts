import type { TurnContext } from 'botbuilder';

const TURN_LANGUAGE = Symbol('passerelle.turnLanguage');

/** Sets the language replies of this turn are written in. */
export function setTurnLanguage(context: TurnContext, lang: string): void {
  context.turnState.set(TURN_LANGUAGE, lang);
}

/** The language of this turn's replies (set by the bot at the start of the turn). */
export function getTurnLanguage(context: TurnContext): string {
  const lang = context.turnState.get(TURN_LANGUAGE) as string | undefined;
  if (!lang) throw new Error('turn language not set: the bot must call setTurnLanguage first');
  return lang;
}

/** The language if one was set this turn, else undefined (for error handlers). */
export function peekTurnLanguage(context: TurnContext): string | undefined {
  return context.turnState.get(TURN_LANGUAGE) as string | undefined;
}

const PROPOSED_LANGUAGES = Symbol('passerelle.proposedLanguages');

/** Languages to offer first when the person chooses one (from the channel locale or the script). */
export function setProposedLanguages(context: TurnContext, langs: readonly string[]): void {
  context.turnState.set(PROPOSED_LANGUAGES, langs);
}

export function getProposedLanguages(context: TurnContext): readonly string[] {
  return (context.turnState.get(PROPOSED_LANGUAGES) as readonly string[] | undefined) ?? [];
}
