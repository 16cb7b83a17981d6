import path from 'node:path';
import i18next from 'i18next';
import { loadTrainingCatalogue } from '../../../src/content/trainingCatalogue';
import { TRAININGS_NAMESPACE } from '../../../src/domain/trainings';
import { formatProblem, localeFileLabel, type LocaleProblem } from '../../support/localeChecks';
import { useLocalesCopy } from '../../support/localesCopy';
import { checkTrainingTexts } from '../../support/trainingTextChecks';
import { LOCALES_DIR, STAGING_LANGUAGES, resources } from './trainingLocaleTexts';

/**
 * The `trainings` texts (locales/<lang>/trainings.json): complete for the shipped catalogue,
 * filter words that each mean one thing, renderable by i18next (test/support/trainingTextChecks.ts;
 * the same keys and placeholders as English in every language: test/i18n/localeCompleteness.test.ts).
 */

const CATALOGUE = loadTrainingCatalogue(path.join(__dirname, '..', '..', '..', 'content'));

describe('staged trainings texts', () => {
  let problems: LocaleProblem[];
  beforeAll(() => {
    problems = checkTrainingTexts(LOCALES_DIR, CATALOGUE, STAGING_LANGUAGES);
  });

  it('the sample catalogue has trainings and prerequisites to check', () => {
    expect(CATALOGUE.trainings.length).toBeGreaterThan(0);
    expect(CATALOGUE.prerequisites.length).toBeGreaterThan(0);
  });

  it.each(STAGING_LANGUAGES)('%s: a text for every fixed key, catalogue training and prerequisite, none stale, filter words unambiguous, rendered', (lang) => {
    expect(problems.filter((p) => p.file === localeFileLabel(LOCALES_DIR, lang, TRAININGS_NAMESPACE)).map(formatProblem)).toEqual([]);
  });
});

describe('the trainings text checks can fail', () => {
  const [first] = CATALOGUE.trainings;
  const copy = useLocalesCopy();
  const edit = (lang: string, change: Parameters<typeof copy.editJson>[1]) => copy.editJson(`${lang}/${TRAININGS_NAMESPACE}.json`, change);

  it.each<[string, () => void, string, string, RegExp]>([
    ['a catalogue training without a title', () => edit('de', (j) => { delete j.training[first!.id].title; }), 'de', `training.${first!.id}.title`, /^missing or empty: the catalogue's training .* needs it$/],
    ['a fixed key the code asks for', () => edit('fr', (j) => { delete j.full; }), 'fr', 'full', /^missing or empty: the code \(TRAINING_UI_KEYS\) needs it$/],
    ['a training the catalogue lacks', () => edit('nl', (j) => { j.training.ghost = { title: 'Spook' }; }), 'nl', 'training.ghost', /^text for a training the catalogue does not have$/],
    ['a prerequisite the catalogue lacks', () => edit('pt', (j) => { j.prerequisite.ghost = 'Fantasma'; }), 'pt', 'prerequisite.ghost', /^text for a prerequisite the catalogue does not have$/],
    ['a filter word under two values', () => edit('en', (j) => { j.filterWords.format.online += '|hybrid'; }), 'en', 'filterWords.format.hybrid', /^"hybrid" is also a word for format\.online/],
    ['a title that does not render', () => edit('ro', (j) => { j.training[first!.id].title = 'Curs {{nume'; }), 'ro', `training.${first!.id}.title`, /renders as "Curs \{\{nume"$/]
  ])('reports %s, naming the file and the key', (_label, breakCopy, lang, key, problem) => {
    breakCopy();
    expect(checkTrainingTexts(copy.dir, CATALOGUE, STAGING_LANGUAGES)).toContainEqual({
      file: localeFileLabel(copy.dir, lang, TRAININGS_NAMESPACE),
      key,
      problem: expect.stringMatching(problem)
    });
  });
});

describe('staged trainings texts — rendered by i18next', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      resources: Object.fromEntries(STAGING_LANGUAGES.map((lang) => [lang, resources(lang)])),
      lng: 'en',
      fallbackLng: false,
      ns: [TRAININGS_NAMESPACE, 'eligibility'],
      defaultNS: TRAININGS_NAMESPACE,
      interpolation: { escapeValue: false },
      showSupportNotice: false
    } as never);
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['en', 'reason.country', { country: 'PT' }, 'It is in your country: Portugal.'],
    ['fr', 'reason.country', { country: 'BE' }, 'Elle a lieu dans votre pays : Belgique.'],
    ['en', 'reason.language', { language: 'ar' }, 'It is taught in Arabic, a language you speak.'],
    ['fr', 'reason.language', { language: 'uk' }, 'Elle est donnée en ukrainien, une langue que vous parlez.'],
    ['en', 'reason.level', { eqf: 3 }, 'It is a level 3 training, the level that fits you.'],
    ['en', 'seatsLeft', { count: 1 }, '1 place left'],
    ['fr', 'seatsLeft', { count: 2 }, '2 places libres'],
    ['en', 'duration', { count: 12, hours: '30 hours a week' }, '12 weeks, 30 hours a week'],
    ['en', 'hoursPerWeek', { count: 1 }, '1 hour a week'],
    ['fr', 'funding.fee', { price: '250 €' }, '250 € à payer']
  ])('%s %s', (lang, key, params, expected) => {
    expect(i18n.t(`${TRAININGS_NAMESPACE}:${key}`, { lng: lang, ...params })).toBe(expected);
  });
});
