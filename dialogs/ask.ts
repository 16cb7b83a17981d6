import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AskPromptOptions, AskSpec } from './prompts';

/** Starts one of Passerelle's prompts with a localized question spec. */
export function ask(step: WaterfallStepContext, promptId: string, spec: AskSpec): Promise<DialogTurnResult> {
  const options: AskPromptOptions = { ask: spec };
  return step.prompt(promptId, options);
}
