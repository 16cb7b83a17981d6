import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentValidationError } from '../../src/content';
import { TRAINING_CATALOGUE_FILE, loadTrainingCatalogue } from '../../src/content/trainingCatalogue';
import { TRAINING_COUNTRIES, searchTrainings } from '../../src/domain/trainings';

const SHIPPED = path.join(__dirname, '..', '..', 'content');
const SAMPLE_PARTNERS = ['fr-coordinator', 'be-training', 'ro-university', 'de-crafts-chamber', 'pt-employment-association'];
/** The day the sample was written; its dates are chosen around it. */
const SAMPLE_DAY = '2026-11-29';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
type Json = Record<string, any>;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-trainings-'));
  cpSync(SHIPPED, dir, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function edit(change: (json: Json) => void): void {
  const full = path.join(dir, TRAINING_CATALOGUE_FILE);
  const json = JSON.parse(readFileSync(full, 'utf8')) as Json;
  change(json);
  writeFileSync(full, JSON.stringify(json));
}

function loadError(from: string, knownPartnerIds?: readonly string[]): ContentValidationError {
  try {
    loadTrainingCatalogue(from, { knownPartnerIds });
  } catch (err) {
    if (err instanceof ContentValidationError) return err;
    throw err;
  }
  throw new Error('expected loadTrainingCatalogue to throw');
}

describe('loadTrainingCatalogue — shipped sample', () => {
  const catalogue = loadTrainingCatalogue(SHIPPED, { knownPartnerIds: SAMPLE_PARTNERS });
  const raw = JSON.parse(readFileSync(path.join(SHIPPED, TRAINING_CATALOGUE_FILE), 'utf8')) as Json;

  it('is clearly marked as sample data to replace', () => {
    expect(catalogue.sample).toBe(true);
    expect(raw.sample).toBe(true);
    expect(raw.note).toMatch(/SAMPLE/);
    expect(raw.note).toMatch(/replace/i);
    expect(catalogue.version).toMatch(/\S/);
  });

  it('has at least 12 trainings, in all five countries, two or more each, from the five partners', () => {
    expect(catalogue.trainings.length).toBeGreaterThanOrEqual(12);
    for (const country of TRAINING_COUNTRIES) {
      expect(catalogue.trainings.filter((t) => t.country === country).length).toBeGreaterThanOrEqual(2);
    }
    expect([...new Set(catalogue.trainings.map((t) => t.partnerId))].sort()).toEqual([...SAMPLE_PARTNERS].sort());
  });

  it('exercises every filter: levels, formats, funding kinds, full trainings, past and 2027 starts', () => {
    const { trainings } = catalogue;
    expect(new Set(trainings.map((t) => t.eqf))).toEqual(new Set([3, 4]));
    expect(new Set(trainings.map((t) => t.format))).toEqual(new Set(['onsite', 'online', 'hybrid']));
    expect(new Set(trainings.map((t) => t.funding.kind))).toEqual(new Set(['free', 'funded', 'fee']));
    expect(trainings.some((t) => t.seatsLeft === 0)).toBe(true);
    expect(trainings.some((t) => t.startDates.some((d) => d < SAMPLE_DAY))).toBe(true);
    expect(trainings.some((t) => t.startDates.some((d) => d.startsWith('2027-')))).toBe(true);
    // a training whose starts are all past is in the file but never found
    const allPast = trainings.filter((t) => t.startDates.every((d) => d < SAMPLE_DAY)).map((t) => t.id);
    expect(allPast.length).toBeGreaterThan(0);
    const found = searchTrainings(catalogue, {}, SAMPLE_DAY).map((t) => t.id);
    expect(found.filter((id) => allPast.includes(id))).toEqual([]);
  });

  it('returns start dates sorted', () => {
    for (const t of catalogue.trainings) expect([...t.startDates]).toEqual([...t.startDates].sort());
  });

  it('a fresh copy loads the same', () => {
    expect(loadTrainingCatalogue(dir)).toEqual(catalogue);
  });
});

describe('loadTrainingCatalogue — broken content names file and field', () => {
  it.each<[string, (json: Json) => void, string, RegExp]>([
    ['an EQF level other than 3 or 4', (j) => { j.trainings[0].eqf = 5; }, 'trainings[0].eqf', /^expected one of 3\|4$/],
    ['a country outside the partnership', (j) => { j.trainings[0].country = 'ES'; }, 'trainings[0].country', /expected one of "FR"\|"BE"\|"RO"\|"DE"\|"PT"/],
    ['OTHER as a country', (j) => { j.trainings[0].country = 'OTHER'; }, 'trainings[0].country', /expected one of "FR"/],
    ['an unknown language', (j) => { j.trainings[0].languages = ['fr', 'es']; }, 'trainings[0].languages[1]', /expected one of "fr"\|"en"/],
    ['a language listed twice', (j) => { j.trainings[0].languages = ['fr', 'fr']; }, 'trainings[0].languages[1]', /"fr" is listed twice in languages/],
    ['no language', (j) => { j.trainings[0].languages = []; }, 'trainings[0].languages', /expected array to have >=1 items/],
    ['an unknown format', (j) => { j.trainings[2].format = 'remote'; }, 'trainings[2].format', /expected one of "onsite"\|"online"\|"hybrid"/],
    ['a date that does not exist', (j) => { j.trainings[1].startDates = ['2027-02-30']; }, 'trainings[1].startDates[0]', /expected a real date written YYYY-MM-DD/],
    ['a date in another format', (j) => { j.trainings[1].startDates = ['01/03/2027']; }, 'trainings[1].startDates[0]', /YYYY-MM-DD/],
    ['no start date', (j) => { j.trainings[1].startDates = []; }, 'trainings[1].startDates', /expected array to have >=1 items/],
    ['negative seats', (j) => { j.trainings[3].seatsLeft = -1; }, 'trainings[3].seatsLeft', /expected number to be >=0/],
    ['seats as text', (j) => { j.trainings[3].seatsLeft = '3'; }, 'trainings[3].seatsLeft', /^expected number, received string$/],
    ['zero weeks', (j) => { j.trainings[0].duration.weeks = 0; }, 'trainings[0].duration.weeks', /expected number to be >=1/],
    ['a fee without an amount', (j) => { j.trainings[0].funding = { kind: 'fee', currency: 'EUR' }; }, 'trainings[0].funding.amount', /the field is missing/],
    ['a fee in a lower-case currency', (j) => { j.trainings[0].funding = { kind: 'fee', amount: 10, currency: 'eur' }; }, 'trainings[0].funding.currency', /ISO 4217/],
    ['an unknown funding kind', (j) => { j.trainings[0].funding = { kind: 'paid' }; }, 'trainings[0].funding.kind', /^expected one of "free", "funded", "fee"$/],
    ['an amount on free funding', (j) => { j.trainings[0].funding = { kind: 'free', amount: 3 }; }, 'trainings[0].funding.amount', /^unexpected field$/],
    ['an undeclared prerequisite', (j) => { j.trainings[0].prerequisites = ['driving']; }, 'trainings[0].prerequisites[0]', /"driving" is not declared in the top-level "prerequisites" list/],
    ['a badly written prerequisite id', (j) => { j.prerequisites.push('read.write'); }, 'prerequisites[8]', /camelCase id/],
    ['a repeated training id', (j) => { j.trainings[1].id = j.trainings[0].id; }, 'trainings[1].id', /expected a unique id; "fr-digital-helpdesk" is used twice/],
    ['an id unfit for i18n keys', (j) => { j.trainings[0].id = 'fr.digital'; }, 'trainings[0].id', /lower-case letters and digits joined by "-"/],
    ['an id with capitals', (j) => { j.trainings[0].id = 'FR-Digital'; }, 'trainings[0].id', /lower-case/],
    ['a misspelt field', (j) => { j.trainings[4].seatLeft = 3; }, 'trainings[4].seatLeft', /^unexpected field$/],
    ['a missing field', (j) => { delete j.trainings[4].city; }, 'trainings[4].city', /^expected string, but the field is missing$/],
    ['an empty region', (j) => { j.trainings[4].region = '  '; }, 'trainings[4].region', /expected string to have >=1 characters/],
    ['a partner in two countries', (j) => { j.trainings[3].partnerId = 'fr-coordinator'; }, 'trainings[3].country', /partner "fr-coordinator" is in FR in another training, not BE/],
    ['no trainings', (j) => { j.trainings = []; }, 'trainings', /expected array to have >=1 items/],
    ['no version', (j) => { delete j.version; }, 'version', /the field is missing/]
  ])('%s', (_name, change, field, message) => {
    edit(change);
    const err = loadError(dir);
    const problem = err.problems.find((p) => p.path === field);
    expect({ field, problems: err.problems }).toEqual({ field, problems: expect.arrayContaining([expect.objectContaining({ path: field })]) });
    expect(problem?.message).toMatch(message);
    expect(err.file).toMatch(/trainings\.json$/);
    expect(err.message).toContain(`trainings.json: ${field}: `);
  });

  it('an unknown partner, when the partners are known', () => {
    edit((j) => { j.trainings[0].partnerId = 'fr-someone'; });
    expect(() => loadTrainingCatalogue(dir)).not.toThrow();
    const err = loadError(dir, SAMPLE_PARTNERS);
    expect(err.problems).toEqual([{ path: 'trainings[0].partnerId', message: expect.stringMatching(/^unknown partner "fr-someone" \(known: fr-coordinator, /) }]);
  });

  it('a missing file', () => {
    unlinkSync(path.join(dir, TRAINING_CATALOGUE_FILE));
    const err = loadError(dir);
    expect(err.problems).toEqual([{ path: '(file)', message: 'file not found' }]);
    expect(err.message).toBe(`${path.join(dir, TRAINING_CATALOGUE_FILE)}: (file): file not found`);
  });

  it('a file that is not JSON', () => {
    writeFileSync(path.join(dir, TRAINING_CATALOGUE_FILE), '{ "trainings": [ ');
    expect(loadError(dir).problems[0]).toEqual({ path: '(file)', message: expect.stringMatching(/^invalid JSON: /) });
  });

  it('shows the path relative to the working directory when inside it', () => {
    const err = loadError(path.join(__dirname, 'no-such-content-dir'));
    expect(err.file).toBe(path.join('test', 'content', 'no-such-content-dir', TRAINING_CATALOGUE_FILE));
  });
});
