import { ComponentDialog, DialogTurnStatus, WaterfallDialog, type Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { LanguageDialog } from '../../dialogs';
import { AskCountryPrompt, AskYesNoPrompt, YES_NO_CHOICES, type AskSpec } from '../../dialogs/prompts';
import { ask } from '../../dialogs/ask';
import { AgeQuestion } from '../../dialogs/eligibility/ageQuestion';
import { countryQuestion } from '../../dialogs/eligibility/eligibilityDialog';
import { TrainingQueryPrompt, type QueryAnswer } from '../../dialogs/trainings/trainingQueryPrompt';
import { trainingQuestion } from '../../dialogs/trainings/trainingSearchDialog';
import type { AgeOrBirthDate } from '../../src/understanding';
import { visibleText, type SentActivity } from '../support/fakeConnector';
import { consented, dialogHarness, localizer, type DialogHarness, type KnownPerson } from '../support/dialogHarness';
import type { LanguageCorpus, QuestionKind } from './corpus/types';

/** What the bot made of an answer, in the corpus's terms. */
export type Understood = LanguageCorpus[QuestionKind][number][1];

/** One question asked by a real prompt with the spec its dialog uses, ending with the answer understood. */
class OneQuestion extends ComponentDialog {
  constructor(prompt: Dialog, spec: AskSpec) {
    super('oneQuestion');
    this.addDialog(prompt);
    this.addDialog(new WaterfallDialog('oneQuestion.steps', [(step) => ask(step, prompt.id, spec), (step) => step.endDialog(step.result)]));
    this.initialDialogId = 'oneQuestion.steps';
  }
}

/** The dialog that asks a kind of question, as the bot asks it. */
function questionDialog(kind: QuestionKind, harness: DialogHarness): Dialog {
  const { services } = harness;
  const deps = { lexicons: services.lexicons };
  switch (kind) {
    case 'language':
      return new LanguageDialog({
        ...deps,
        people: services.people,
        languages: services.localizer.languages.map((code) => ({ code, name: services.localizer.t(code, 'language:name') }))
      });
    case 'age':
      return new AgeQuestion('ageQuestion', deps, () => services.eligibility.today());
    case 'country':
      return new OneQuestion(new AskCountryPrompt('country', deps), countryQuestion());
    case 'yesNo':
      return new OneQuestion(new AskYesNoPrompt('yesNo', deps), { key: 'consent:ask', retryKey: 'consent:retry', choices: YES_NO_CHOICES });
    case 'search':
      return new OneQuestion(new TrainingQueryPrompt('search', { ...deps, trainings: services.trainings, trainingQueries: services.trainingQueries }), trainingQuestion());
  }
}

function repliesOf(first: unknown, client: DialogTestClient): string {
  const all: unknown[] = [first];
  for (let reply = client.getNextReply(); reply; reply = client.getNextReply()) all.push(reply);
  return all.filter((a): a is SentActivity => typeof a === 'object' && a !== null).map(visibleText).join('\n');
}

function fromResult(kind: QuestionKind, result: unknown): Understood {
  switch (kind) {
    case 'language':
      return (result as { language: string }).language;
    case 'age': {
      const answer = result as AgeOrBirthDate;
      if (answer.kind === 'age') return { age: answer.age };
      if (answer.kind === 'birthDate') return { birthDate: answer.birthDate };
      return { birthYear: answer.year };
    }
    case 'search': {
      const answer = result as QueryAnswer;
      return answer.kind === 'query' ? answer.query : { filter: answer.filter };
    }
    default:
      return result as Understood;
  }
}

/**
 * Asks the question of `kind` in `lang` (the person chose that language and agreed to the notice;
 * for the language question, they have not chosen yet), says `said`, and tells what the bot made
 * of it: the dialog's result, or `retry` (it said it did not understand), `greeting` (it greeted
 * back and asked again) or `confirm` (it asked to confirm an implausible age).
 */
export async function understand(kind: QuestionKind, lang: string, said: string): Promise<Understood> {
  const person: KnownPerson | undefined = kind === 'language' ? undefined : consented(lang);
  const harness = await dialogHarness({ lang, person });
  try {
    const client = new DialogTestClient('test', questionDialog(kind, harness), undefined, harness.middlewares);
    repliesOf(await client.sendActivity('…'), client); // the question is asked
    const replies = repliesOf(await client.sendActivity(said), client);
    if (client.dialogTurnResult.status === DialogTurnStatus.complete) return fromResult(kind, client.dialogTurnResult.result);
    const notUnderstood = localizer.t(lang, 'common:retry.notUnderstood', { answer: said.trim() }).split(said.trim())[0]!;
    if (replies.includes(notUnderstood)) return 'retry';
    if (kind === 'language' && replies.includes('👋')) return 'greeting';
    if (kind === 'age') return 'confirm';
    throw new Error(`"${said}" (${lang}, ${kind}): neither understood nor re-asked:\n${replies}`);
  } finally {
    await harness.storage.close();
  }
}
