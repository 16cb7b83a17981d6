import { DialogTurnStatus } from 'botbuilder-dialogs';
import { LanguageDialog } from '../../dialogs';
import type { DialogHarness } from '../support/dialogHarness';
import { describeDialogTable } from '../support/dialogTable';

const languageDialog = (h: DialogHarness) =>
  new LanguageDialog({
    lexicons: h.services.lexicons,
    people: h.services.people,
    languages: h.services.localizer.languages.map((code) => ({ code, name: h.services.localizer.t(code, 'language:name') }))
  });

/** The language is remembered in the person's profile, whatever they said about consent. */
const remembered = (lang: string) => async ({ result, harness }: { result: unknown; harness: DialogHarness }) => {
  expect(result).toEqual({ language: lang });
  expect((await harness.storage.profiles.get('key-user1'))?.language).toBe(lang);
};

describeDialogTable('LanguageDialog', languageDialog, [
  {
    name: 'offers every language by its own name and answers in the one tapped',
    lang: 'en',
    steps: [
      ['hi', /Which language do you want to use\?/, /\[English\]/, /\[Français\]/, /\[العربية\]/, /\[ትግርኛ\]/],
      ['Français', /je vous parle en français/]
    ],
    then: remembered('fr')
  },
  {
    name: 'understands a language named in another language',
    lang: 'en',
    steps: [
      ['hi', /Which language/],
      ['arabic', /[\u0600-\u06FF]/]
    ],
    then: remembered('ar')
  },
  {
    name: 'asks again, in the current language, when the answer is not a language',
    lang: 'fr',
    steps: [
      ['salut', /Dans quelle langue/],
      ['banane', /n'ai pas compris|pas compris/i, /Dans quelle langue/],
      ['Deutsch', /Deutsch/]
    ],
    then: remembered('de')
  },
  {
    name: 'a greeting is greeted back in its language, with its languages offered first',
    lang: 'en',
    status: DialogTurnStatus.waiting,
    steps: [
      ['hi', /Which language/],
      ['bonjour', /Bonjour ! 👋/, /Dans quelle langue voulez-vous parler \?\n\[Français\]\n/],
      ['banana', /Which language|Dans quelle langue/]
    ]
  },
  {
    name: 'a greeting shared by several languages puts the person\'s own first ("سلام" in a Dari conversation)',
    lang: 'fa',
    status: DialogTurnStatus.waiting,
    steps: [
      ['hi', /[\u0600-\u06FF]/],
      ['سلام', /سلام! 👋/, /صحبت کنیم؟\n\[دری \/ فارسی\]\n/]
    ]
  },
  {
    name: 'a language named in another language and script ("kurdî")',
    lang: 'fr',
    steps: [
      ['salut', /Dans quelle langue/],
      ['kurdî', /[\u0600-\u06FF]/]
    ],
    then: remembered('ckb')
  },
  {
    name: 'a person who refused consent still has their language remembered',
    lang: 'en',
    person: { language: 'en', consent: 'refused' },
    steps: [
      ['hi', /Which language/],
      ['Українська', /[\u0400-\u04FF]/]
    ],
    then: remembered('uk')
  }
]);
