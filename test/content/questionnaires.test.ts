import { SHIPPED_LANGUAGES } from '../../src/config';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentValidationError } from '../../src/content/contentValidationError';
import { QUESTIONNAIRES_FILE, loadQuestionnaires } from '../../src/content/questionnaires';
import {
  ASSESSMENT_LEVELS,
  ASSESSMENT_NAMESPACE,
  assessmentTextKeys,
  itemLevelKey,
  itemStatementKey
} from '../../src/domain/assessment';
import type { Questionnaire } from '../../src/domain/assessment';
import { checkAssessmentTexts } from '../support/assessmentTextChecks';
import { formatProblem, localeFileLabel, readLocaleFile, type LocaleProblem } from '../support/localeChecks';
import { useLocalesCopy } from '../support/localesCopy';

const SHIPPED = path.join(__dirname, '..', '..', 'content');
const LOCALES = path.join(__dirname, '..', '..', 'locales');
const LANGUAGES = SHIPPED_LANGUAGES;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
type Json = Record<string, any>;

/**
 * The item ids, in questionnaire order. Ids are stored with answers and name i18n keys: renaming
 * one loses people's answers and texts, so this list changes only on purpose (add an item with a
 * new id; never reuse or rename one).
 */
const DIGITER_ITEM_IDS = [
  'lifecomp_p1_selfRegulation',
  'lifecomp_p2_flexibility',
  'lifecomp_p3_wellbeing',
  'lifecomp_s1_empathy',
  'lifecomp_s2_communication',
  'lifecomp_s3_collaboration',
  'lifecomp_l1_growthMindset',
  'lifecomp_l2_criticalThinking',
  'lifecomp_l3_managingLearning',
  'digcomp_1_1_browsing',
  'digcomp_1_2_evaluating',
  'digcomp_2_1_interacting',
  'digcomp_2_4_collaborating',
  'digcomp_3_1_developingContent',
  'digcomp_3_4_programming',
  'digcomp_4_1_protectingDevices',
  'digcomp_4_2_protectingData',
  'digcomp_5_1_technicalProblems',
  'digcomp_5_4_competenceGaps'
];
const CAMPLUS_ITEM_IDS = [
  'entrecomp_1_1_spottingOpportunities',
  'entrecomp_1_2_creativity',
  'entrecomp_2_3_mobilisingResources',
  'entrecomp_2_4_financialLiteracy',
  'entrecomp_3_1_takingInitiative',
  'entrecomp_3_2_planning',
  'lifecomp_s1_empathy',
  'lifecomp_s2_communication',
  'lifecomp_s3_collaboration',
  'lifecomp_s3_sharingTasks'
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-questionnaires-'));
  cpSync(SHIPPED, dir, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function edit(change: (json: Json) => void): void {
  const full = path.join(dir, QUESTIONNAIRES_FILE);
  const json = JSON.parse(readFileSync(full, 'utf8')) as Json;
  change(json);
  writeFileSync(full, JSON.stringify(json));
}

function loadError(from: string): ContentValidationError {
  try {
    loadQuestionnaires(from);
  } catch (err) {
    if (err instanceof ContentValidationError) return err;
    throw err;
  }
  throw new Error('expected loadQuestionnaires to throw');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

describe('loadQuestionnaires — shipped content', () => {
  const loaded = loadQuestionnaires(SHIPPED);
  const { digiter, camplus } = loaded.questionnaires;

  it('item ids are exactly the known, stable list (renaming one must fail here)', () => {
    expect(digiter.items.map((i) => i.id)).toEqual(DIGITER_ITEM_IDS);
    expect(camplus.items.map((i) => i.id)).toEqual(CAMPLUS_ITEM_IDS);
  });

  it('questionnaires and rules carry a version, and each questionnaire its id', () => {
    for (const q of [digiter, camplus]) expect(q.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(loaded.rules.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect([digiter.id, camplus.id]).toEqual(['digiter', 'camplus']);
  });

  it('digiter: LifeComp, one item per competence (9); DigComp, two items in each of the 5 areas', () => {
    const lifecomp = digiter.items.filter((i) => i.framework === 'lifecomp');
    const digcomp = digiter.items.filter((i) => i.framework === 'digcomp');
    expect(lifecomp).toHaveLength(9);
    expect(new Set(lifecomp.map((i) => i.competenceId)).size).toBe(9);
    expect(countBy(lifecomp, (i) => i.areaId)).toEqual({ lifecomp_personal: 3, lifecomp_social: 3, lifecomp_learning: 3 });
    expect(countBy(digcomp, (i) => i.areaId)).toEqual({
      digcomp_information: 2,
      digcomp_communication: 2,
      digcomp_content: 2,
      digcomp_safety: 2,
      digcomp_problemSolving: 2
    });
    expect(digiter.items).toHaveLength(19);
  });

  it('camplus: EntreComp items in its 3 areas, and LifeComp social items', () => {
    const entrecomp = camplus.items.filter((i) => i.framework === 'entrecomp');
    expect(countBy(entrecomp, (i) => i.areaId)).toEqual({ entrecomp_ideas: 2, entrecomp_resources: 2, entrecomp_action: 2 });
    expect(countBy(camplus.items.filter((i) => i.framework === 'lifecomp'), (i) => i.areaId)).toEqual({ lifecomp_social: 4 });
  });

  it('an id used by both questionnaires is the same item', () => {
    const shared = digiter.items.filter((d) => camplus.items.some((c) => c.id === d.id));
    expect(shared.map((i) => i.id)).toEqual(['lifecomp_s1_empathy', 'lifecomp_s2_communication', 'lifecomp_s3_collaboration']);
    for (const item of shared) expect(camplus.items.find((c) => c.id === item.id)).toEqual(item);
  });

  it('has the documented rules', () => {
    expect(loaded.rules.profile).toEqual({ strengthMinLevel: 3, maxStrengths: 3, maxToDevelop: 2 });
    expect(loaded.rules.recommendation).toEqual({
      minAnsweredPercent: 60,
      eqf4When: {
        digiter: [
          { framework: 'digcomp', minAverage: 2.5 },
          { framework: 'lifecomp', minAverage: 2.5 }
        ],
        camplus: [
          { framework: 'entrecomp', minAverage: 2.5 },
          { framework: 'lifecomp', minAverage: 2.5 }
        ]
      }
    });
  });

  it('a fresh copy loads the same', () => {
    expect(loadQuestionnaires(dir)).toEqual(loaded);
  });
});

describe('loadQuestionnaires — broken content names the file and the field', () => {
  it.each<[string, string, (json: Json) => void, RegExp]>([
    [
      'a string where a number is expected',
      'rules.recommendation.eqf4When.digiter[0].minAverage',
      (j) => { j.rules.recommendation.eqf4When.digiter[0].minAverage = '2.5'; },
      /^expected number, received string$/
    ],
    [
      'a missing item field',
      'questionnaires.digiter.items[0].competenceId',
      (j) => { delete j.questionnaires.digiter.items[0].competenceId; },
      /^expected string, but the field is missing$/
    ],
    [
      'a misspelt field',
      'questionnaires.camplus.items[2].area',
      (j) => { j.questionnaires.camplus.items[2].area = 'entrecomp_resources'; },
      /^unexpected field$/
    ],
    [
      'an unknown framework',
      'questionnaires.digiter.items[9].framework',
      (j) => { j.questionnaires.digiter.items[9].framework = 'digicomp'; },
      /expected one of "lifecomp"\|"digcomp"\|"entrecomp"/
    ],
    [
      'an unknown area',
      'questionnaires.digiter.items[3].areaId',
      (j) => { j.questionnaires.digiter.items[3].areaId = 'lifecomp_socail'; },
      /expected an area of lifecomp \(lifecomp_personal, lifecomp_social, lifecomp_learning\), got "lifecomp_socail"/
    ],
    [
      'an area of another framework',
      'questionnaires.digiter.items[0].areaId',
      (j) => { j.questionnaires.digiter.items[0].areaId = 'digcomp_safety'; },
      /expected an area of lifecomp \(lifecomp_personal, lifecomp_social, lifecomp_learning\), got "digcomp_safety"/
    ],
    [
      'a competence of another area',
      'questionnaires.digiter.items[0].competenceId',
      (j) => { j.questionnaires.digiter.items[0].competenceId = 'lifecomp_empathy'; },
      /expected a competence of lifecomp_personal \(lifecomp_selfRegulation, lifecomp_flexibility, lifecomp_wellbeing\), got "lifecomp_empathy"/
    ],
    [
      'an id with a dot (would break i18n keys)',
      'questionnaires.digiter.items[9].id',
      (j) => { j.questionnaires.digiter.items[9].id = 'digcomp.1.browsing'; },
      /letters, digits and "_" only/
    ],
    [
      'an id that does not start with its framework',
      'questionnaires.digiter.items[9].id',
      (j) => { j.questionnaires.digiter.items[9].id = 'lifecomp_1_1_browsing'; },
      /expected an id starting with "digcomp_", got "lifecomp_1_1_browsing"/
    ],
    [
      'an id used twice in a questionnaire',
      'questionnaires.digiter.items[2].id',
      (j) => { j.questionnaires.digiter.items[2].id = 'lifecomp_p1_selfRegulation'; },
      /expected each id at most once; "lifecomp_p1_selfRegulation" repeats/
    ],
    [
      'a shared id that is another item in the other questionnaire',
      'questionnaires.camplus.items[9].competenceId',
      (j) => { j.questionnaires.camplus.items[9].id = 'lifecomp_s3_collaboration'; j.questionnaires.camplus.items[8].id = 'lifecomp_s3_other'; j.questionnaires.camplus.items[9].competenceId = 'lifecomp_communication'; },
      /expected "lifecomp_collaboration" as in questionnaire digiter/
    ],
    [
      'a questionnaire without items',
      'questionnaires.camplus.items',
      (j) => { j.questionnaires.camplus.items = []; },
      /expected array to have >=1 items/
    ],
    [
      'a missing questionnaire',
      'questionnaires.camplus',
      (j) => { delete j.questionnaires.camplus; },
      /^expected object, but the field is missing$/
    ],
    [
      'an empty questionnaire version',
      'questionnaires.digiter.version',
      (j) => { j.questionnaires.digiter.version = ''; },
      /expected string to have >=1 characters/
    ],
    [
      'a missing rules version',
      'rules.version',
      (j) => { delete j.rules.version; },
      /^expected string, but the field is missing$/
    ],
    [
      'a threshold with three decimals',
      'rules.recommendation.eqf4When.camplus[0].minAverage',
      (j) => { j.rules.recommendation.eqf4When.camplus[0].minAverage = 2.555; },
      /expected at most two decimals/
    ],
    [
      'a threshold above the top level',
      'rules.recommendation.eqf4When.digiter[1].minAverage',
      (j) => { j.rules.recommendation.eqf4When.digiter[1].minAverage = 4.5; },
      /expected number to be <=4/
    ],
    [
      'a threshold on a framework the questionnaire does not ask about',
      'rules.recommendation.eqf4When.camplus[0].framework',
      (j) => { j.rules.recommendation.eqf4When.camplus[0].framework = 'digcomp'; },
      /expected a framework questionnaire camplus has items for \(entrecomp, lifecomp\), got "digcomp"/
    ],
    [
      'the same framework twice in a rule',
      'rules.recommendation.eqf4When.digiter[1].framework',
      (j) => { j.rules.recommendation.eqf4When.digiter[1].framework = 'digcomp'; },
      /expected each framework at most once/
    ],
    [
      'no threshold for a questionnaire',
      'rules.recommendation.eqf4When.digiter',
      (j) => { j.rules.recommendation.eqf4When.digiter = []; },
      /expected array to have >=1 items/
    ],
    [
      'a zero answered percentage',
      'rules.recommendation.minAnsweredPercent',
      (j) => { j.rules.recommendation.minAnsweredPercent = 0; },
      /expected number to be >=1/
    ],
    [
      'a strength level that is not a level',
      'rules.profile.strengthMinLevel',
      (j) => { j.rules.profile.strengthMinLevel = 5; },
      /expected one of 1\|2\|3\|4/
    ],
    [
      'a fractional maximum',
      'rules.profile.maxToDevelop',
      (j) => { j.rules.profile.maxToDevelop = 1.5; },
      /expected int/
    ]
  ])('%s → names the file and %s', (_label, fieldPath, change, expected) => {
    edit(change);
    const err = loadError(dir);
    const file = path.join(dir, QUESTIONNAIRES_FILE);
    expect(err.name).toBe('ContentValidationError');
    expect(err.file).toBe(file);
    expect(err.problems).toContainEqual({ path: fieldPath, message: expect.stringMatching(expected) });
    expect(err.message).toContain(`${file}: ${fieldPath}: `);
  });

  it('reports every problem in the file, one per line', () => {
    edit((j) => {
      j.questionnaires.digiter.items[0].framework = 'x';
      j.rules.profile.maxStrengths = 'three';
    });
    const err = loadError(dir);
    expect(err.problems.map((p) => p.path).sort()).toEqual(['questionnaires.digiter.items[0].framework', 'rules.profile.maxStrengths']);
    expect(err.message.split('\n')).toHaveLength(2);
  });

  it('names the file when it is not JSON', () => {
    writeFileSync(path.join(dir, QUESTIONNAIRES_FILE), '{ "questionnaires": ');
    expect(loadError(dir).message).toMatch(/questionnaires\.json: \(file\): invalid JSON: /);
  });

  it('names the file when it is missing', () => {
    unlinkSync(path.join(dir, QUESTIONNAIRES_FILE));
    expect(loadError(dir).message).toBe(`${path.join(dir, QUESTIONNAIRES_FILE)}: (file): file not found`);
  });

  it('shows the path relative to the working directory when the file is inside it', () => {
    edit((j) => { j.rules.profile.maxStrengths = 'three'; });
    const cwd = jest.spyOn(process, 'cwd').mockReturnValue(path.dirname(dir));
    try {
      expect(loadError(dir).message).toBe(
        `${path.join(path.basename(dir), QUESTIONNAIRES_FILE)}: rules.profile.maxStrengths: expected number, received string`
      );
    } finally {
      cwd.mockRestore();
    }
  });
});

/* ---------------------------------------------------------------------------------------------
 * Texts: locales/<lang>/assessment.json, in every shipped language (test/support/assessmentTextChecks.ts;
 * same keys and placeholders everywhere: test/i18n/localeCompleteness.test.ts).
 * ------------------------------------------------------------------------------------------- */

describe('assessment texts in every shipped language', () => {
  const { questionnaires } = loadQuestionnaires(SHIPPED);
  const all: Questionnaire[] = [questionnaires.digiter, questionnaires.camplus];
  const required = assessmentTextKeys(all);
  let problems: LocaleProblem[];
  beforeAll(() => {
    problems = checkAssessmentTexts(LOCALES, all, LANGUAGES);
  });

  it('requires a statement and four levels for every item of every questionnaire', () => {
    const ids = new Set(all.flatMap((q) => q.items.map((i) => i.id)));
    expect(ids.size).toBe(26);
    for (const id of ids) {
      expect(required).toContain(itemStatementKey(id));
      for (const level of ASSESSMENT_LEVELS) expect(required).toContain(itemLevelKey(id, level));
    }
  });

  it.each(LANGUAGES)('%s: every text the questionnaires need, found and rendered by the Localizer; none for an unknown item', (lang) => {
    expect(problems.filter((p) => p.file === localeFileLabel(LOCALES, lang, ASSESSMENT_NAMESPACE)).map(formatProblem)).toEqual([]);
  });

  it.each(['en', 'fr'])('%s: every item statement is an "I can…" sentence', (lang) => {
    const start = lang === 'en' ? /^(When .*, )?I can /u : /^(Quand .*, )?[Jj]e peux /u;
    const read = readLocaleFile(path.join(LOCALES, lang, `${ASSESSMENT_NAMESPACE}.json`));
    const statements = read.ok ? [...read.file.texts].filter(([k]) => k.endsWith('.statement')) : [];
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter(([, text]) => !start.test(String(text))).map(([k]) => k)).toEqual([]);
  });
});

describe('the assessment text checks can fail', () => {
  const { questionnaires } = loadQuestionnaires(SHIPPED);
  const all: Questionnaire[] = [questionnaires.digiter, questionnaires.camplus];
  const copy = useLocalesCopy();
  const editTexts = (lang: string, change: (json: Json) => void) => copy.editJson(`${lang}/${ASSESSMENT_NAMESPACE}.json`, change);

  it.each<[string, () => void, string, string, RegExp]>([
    ['an item without its statement', () => editTexts('de', (j) => { delete j.item.digcomp_1_1_browsing.statement; }), 'de', 'item.digcomp_1_1_browsing.statement', /^missing or empty: the questionnaires need it$/],
    ['an empty level text', () => editTexts('ar', (j) => { j.item.entrecomp_3_2_planning.level['4'] = ' '; }), 'ar', 'item.entrecomp_3_2_planning.level.4', /^missing or empty: the questionnaires need it$/],
    ['a text for an item no questionnaire has', () => editTexts('fr', (j) => { j.item.digcomp_9_9_gone = { statement: 'Je peux partir.' }; }), 'fr', 'item.digcomp_9_9_gone', /^text for an item that no questionnaire has$/],
    ['a text the Localizer does not render as written', () => editTexts('tr', (j) => { j.item.digcomp_1_1_browsing.statement = 'Yapabilirim $t(assessment:back).'; }), 'tr', 'item.digcomp_1_1_browsing.statement', /^the Localizer renders it as .*, not as written$/]
  ])('reports %s, naming the file and the key', (_label, breakCopy, lang, key, problem) => {
    breakCopy();
    expect(checkAssessmentTexts(copy.dir, all, LANGUAGES)).toContainEqual({
      file: localeFileLabel(copy.dir, lang, ASSESSMENT_NAMESPACE),
      key,
      problem: expect.stringMatching(problem)
    });
  });
});
