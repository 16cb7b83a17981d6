import { recognizeSkip, recognizeYesNo, warmUp } from '../../src/understanding';
import { WARM_UP_TIMEOUT_MS, lexicon } from './helpers';

beforeAll(() => warmUp(['fr', 'en', 'de', 'nl', 'pt']), WARM_UP_TIMEOUT_MS);

type Case = [lang: string, text: string, expected: boolean | undefined];

describe('recognizeYesNo with the language lexicon', () => {
  const cases: Case[] = [
    ['fr', 'oui', true],
    ['fr', 'OUI !', true],
    ['fr', 'ouais', true],
    ['fr', "d'accord", true],
    ['fr', 'Bien sûr', true],
    ['fr', 'bien sur', true],
    ['fr', 'non', false],
    ['fr', 'non merci', false],
    ['fr', 'Non, merci.', false],
    ['fr', 'pas du tout', false],
    ['fr', 'je ne sais pas', undefined],
    ['fr', 'peut-être', undefined],
    ['fr', 'pas sûr', undefined],
    ['fr', 'oui non', undefined],
    ['fr', 'bonjour', undefined],
    ['fr', '', undefined],
    ['fr', '👍', true],
    ['fr', '👍🏽', true],
    ['fr', '👎', false],
    ['en', 'yes', true],
    ['en', 'Yes please', true],
    ['en', 'yeah', true],
    ['en', 'sure', true],
    ['en', 'nope', false],
    ['en', 'no thanks', false],
    ['en', 'No thank you!', false],
    ["en", "I'm not sure", undefined],
    ['en', 'maybe', undefined],
    ['en', 'no idea', undefined],
    ['en', 'hello', undefined],
    ['ar', 'نعم', true],
    ['ar', 'أيوه', true],
    ['ar', 'ايوه', true],
    ['ar', 'لا', false],
    ['ar', 'لا شكرا', false],
    ['ar', 'لا شكراً', false],
    ['ar', 'لا أعرف', undefined],
    ['ar', 'نعم لا', undefined],
    ['de', 'ja', true],
    ['de', 'Jawohl!', true],
    ['de', 'nein', false],
    ['de', 'nein danke', false],
    ['de', 'nö', false],
    ['de', 'keine Ahnung', undefined],
    ['nl', 'ja', true],
    ['nl', 'nee', false],
    ['nl', 'Nee, dank je', false],
    ['nl', 'nee bedankt', false],
    ['pt', 'sim', true],
    ['pt', 'não obrigado', false],
    ['pt', 'nao', false],
    ['ro', 'da', true],
    ['ro', 'nu', false],
    ['ro', 'nu, mulțumesc', false],
    ['ro', 'nu multumesc', false],
    ['tr', 'evet', true],
    ['tr', 'hayır', false],
    ['tr', 'HAYIR', false],
    ['tr', 'bilmiyorum', undefined],
    ['uk', 'так', true],
    ['uk', 'ні', false],
    ['uk', 'ні, дякую', false],
    ['uk', 'не знаю', undefined],
    ['fa', 'بله', true],
    ['fa', 'آره', true],
    ['fa', 'نه', false],
    ['fa', 'نه ممنون', false],
    ['fa', 'نمی‌دانم', undefined],
    ['ps', 'هو', true],
    ['ps', 'نه مننه', false],
    ['ckb', 'بەڵێ', true],
    ['ckb', 'بهلی', true], // typed on an Arabic/Persian keyboard
    ['ckb', 'نەخێر', false],
    ['so', 'haa', true],
    ['so', 'maya', false],
    ['so', 'Maya mahadsanid', false],
    ['ti', 'እወ', true],
    ['ti', 'ኣይፋል', false],
    ['ti', 'ewe', true]
  ];
  it.each(cases)('%s: %s → %s', (lang, text, expected) => {
    expect(recognizeYesNo(text, lang, lexicon(lang))).toBe(expected);
  });
});

describe('recognizeYesNo without a lexicon', () => {
  const cases: Case[] = [
    ['fr', 'oui', true], // recognizer fr-fr
    ['en', 'nope', false], // recognizer en-us
    ['de', 'nein', false], // recognizer de-de
    ['pt', 'sim', true], // recognizer pt-br
    ['fr', 'pas sûr', undefined], // the recognizer sees "pas" (no) and "sûr" (yes)
    ['ti', '👍', true], // emoji work everywhere
    ['so', '❌', false],
    ['so', 'haa', undefined], // no recognizer culture, no lexicon
    ['ar', 'نعم', undefined]
  ];
  it.each(cases)('%s: %s → %s', (lang, text, expected) => {
    expect(recognizeYesNo(text, lang)).toBe(expected);
  });
});

describe('recognizeSkip', () => {
  type SkipCase = [lang: string, text: string, expected: boolean];
  const cases: SkipCase[] = [
    ['fr', 'passer', true],
    ['fr', 'Je passe.', true],
    ['fr', 'je préfère ne pas répondre', true],
    ['fr', 'je dois passer un examen demain matin', false],
    ['fr', 'oui', false],
    ['en', 'skip', true],
    ['en', 'prefer not to say', true],
    ['ar', 'تخطي', true],
    ['uk', 'пропустити', true],
    ['so', 'ka bood', true],
    ['ti', '⏭', true]
  ];
  it.each(cases)('%s: %s → %s', (lang, text, expected) => {
    expect(recognizeSkip(text, lexicon(lang))).toBe(expected);
  });

  it('makes a yes/no answer undefined', () => {
    expect(recognizeYesNo('je préfère ne pas répondre', 'fr', lexicon('fr'))).toBeUndefined();
    expect(recognizeYesNo('skip', 'en', lexicon('en'))).toBeUndefined();
  });
});
