import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentValidationError, loadContent } from '../../src/content';
import { COUNTRY_CODES } from '../../src/domain';

const SHIPPED = path.join(__dirname, '..', '..', 'content');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
type Json = Record<string, any>;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-content-'));
  cpSync(SHIPPED, dir, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function edit(file: string, change: (json: Json) => void): void {
  const full = path.join(dir, file);
  const json = JSON.parse(readFileSync(full, 'utf8')) as Json;
  change(json);
  writeFileSync(full, JSON.stringify(json));
}

function loadError(from: string): ContentValidationError {
  try {
    loadContent(from);
  } catch (err) {
    if (err instanceof ContentValidationError) return err;
    throw err;
  }
  throw new Error('expected loadContent to throw');
}

describe('loadContent — shipped content', () => {
  const content = loadContent(SHIPPED);

  it('has versioned eligibility rules for both programmes', () => {
    expect(content.eligibilityRules.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(Object.keys(content.eligibilityRules.programmes).sort()).toEqual(['camplus', 'digiter']);
    expect(content.eligibilityRules.programmes.digiter.criteria[0]).toEqual({ kind: 'age', min: 16, max: 29 });
    expect(content.eligibilityRules.qualificationEqf).toEqual({
      none: 0,
      primary: 1,
      lowerSecondary: 2,
      vocationalCertificate: 3,
      upperSecondary: 4,
      higherEducation: 5,
      unknown: null
    });
  });

  it.each([
    ['FR', 15],
    ['BE', 13],
    ['RO', 16],
    ['DE', 16],
    ['PT', 13],
    ['OTHER', 16]
  ] as const)('country %s: digital-consent age %i, emergency number 112', (code, digitalConsentAge) => {
    // exactly the CountryInfo fields: sample markers stay in the file
    expect(content.countries[code]).toEqual({ code, digitalConsentAge, emergencyNumber: '112' });
  });

  it('covers every country code and marks the OTHER fallback as sample data', () => {
    expect(Object.keys(content.countries).sort()).toEqual([...COUNTRY_CODES].sort());
    const raw = JSON.parse(readFileSync(path.join(SHIPPED, 'countries.json'), 'utf8')) as Json;
    expect(raw.countries.OTHER.sample).toBe(true);
    expect(raw.countries.OTHER.note).toMatch(/SAMPLE/);
  });

  it('has a versioned privacy notice with a retention period', () => {
    expect(content.privacyNotice).toEqual({ version: expect.stringMatching(/\S/), retentionDays: 365 });
  });

  it('a fresh copy loads the same', () => {
    expect(loadContent(dir)).toEqual(content);
  });
});

describe('loadContent — broken content', () => {
  it.each<[string, string, (json: Json) => void, string, RegExp]>([
    [
      'a string where a number is expected',
      'eligibility-rules.json',
      (j) => { j.programmes.digiter.criteria[0].min = '16'; },
      'programmes.digiter.criteria[0].min',
      /^expected number, received string$/
    ],
    [
      'a missing field',
      'eligibility-rules.json',
      (j) => { delete j.programmes.digiter.criteria[0].min; },
      'programmes.digiter.criteria[0].min',
      /^expected number, but the field is missing$/
    ],
    [
      'an unknown criterion kind',
      'eligibility-rules.json',
      (j) => { j.programmes.camplus.criteria[1].kind = 'projet'; },
      'programmes.camplus.criteria[1].kind',
      /^expected one of "age", "situation", "qualification", "country", "campResidence", "project"$/
    ],
    [
      'a misspelt field',
      'eligibility-rules.json',
      (j) => { j.programmes.digiter.criteria[0].maxx = 30; },
      'programmes.digiter.criteria[0].maxx',
      /^unexpected field$/
    ],
    [
      'max below min',
      'eligibility-rules.json',
      (j) => { j.programmes.digiter.criteria[0].max = 12; },
      'programmes.digiter.criteria[0].max',
      /expected a number ≥ min \(16\), got 12/
    ],
    [
      'adviserBelow not above min',
      'eligibility-rules.json',
      (j) => { j.programmes.camplus.criteria[2].adviserBelow = 16; },
      'programmes.camplus.criteria[2].adviserBelow',
      /expected a number > min \(16\)/
    ],
    [
      'a situation left unclassified',
      'eligibility-rules.json',
      (j) => { j.programmes.digiter.criteria[1].notMet = ['studying']; },
      'programmes.digiter.criteria[1]',
      /in exactly one of met, review, notMet \(not listed: employed\)/
    ],
    [
      'a situation classified twice',
      'eligibility-rules.json',
      (j) => { j.programmes.digiter.criteria[1].review = ['training', 'none']; },
      'programmes.digiter.criteria[1]',
      /listed more than once: none/
    ],
    [
      'an unknown situation value',
      'eligibility-rules.json',
      (j) => { j.programmes.digiter.criteria[1].met = ['neet']; },
      'programmes.digiter.criteria[1].met[0]',
      /expected one of "studying"\|"training"\|"employed"\|"none"/
    ],
    [
      'a repeated criterion kind',
      'eligibility-rules.json',
      (j) => { j.programmes.digiter.criteria.push({ kind: 'country', allowed: ['FR'] }); },
      'programmes.digiter.criteria[4].kind',
      /expected each kind at most once/
    ],
    [
      'an unknown country code',
      'eligibility-rules.json',
      (j) => { j.programmes.digiter.criteria[3].allowed = ['FR', 'ES']; },
      'programmes.digiter.criteria[3].allowed[1]',
      /expected one of .*"OTHER"/
    ],
    [
      'an EQF level out of range',
      'eligibility-rules.json',
      (j) => { j.qualificationEqf.vocationalCertificate = 9; },
      'qualificationEqf.vocationalCertificate',
      /expected number to be <=8/
    ],
    [
      'a qualification without an EQF level',
      'eligibility-rules.json',
      (j) => { delete j.qualificationEqf.primary; },
      'qualificationEqf.primary',
      /the field is missing/
    ],
    [
      'an empty version',
      'eligibility-rules.json',
      (j) => { j.version = ' '; },
      'version',
      /expected string to have >=1 characters/
    ],
    [
      'a programme without criteria',
      'eligibility-rules.json',
      (j) => { j.programmes.camplus.criteria = []; },
      'programmes.camplus.criteria',
      /expected array to have >=1 items/
    ],
    [
      'a missing country',
      'countries.json',
      (j) => { delete j.countries.DE; },
      'countries.DE',
      /^expected object, but the field is missing$/
    ],
    [
      'a consent age as text',
      'countries.json',
      (j) => { j.countries.FR.digitalConsentAge = '15'; },
      'countries.FR.digitalConsentAge',
      /^expected number, received string$/
    ],
    [
      'an emergency number that is not a number',
      'countries.json',
      (j) => { j.countries.BE.emergencyNumber = 'call 112'; },
      'countries.BE.emergencyNumber',
      /expected a phone number/
    ],
    [
      'a zero retention',
      'privacy-notice.json',
      (j) => { j.retentionDays = 0; },
      'retentionDays',
      /expected number to be >=1/
    ],
    [
      'a missing privacy version',
      'privacy-notice.json',
      (j) => { delete j.version; },
      'version',
      /^expected string, but the field is missing$/
    ]
  ])('%s in %s → names the file and %s', (_label, file, change, fieldPath, expected) => {
    edit(file, change);
    const err = loadError(dir);
    expect(err.name).toBe('ContentValidationError');
    expect(err).toBeInstanceOf(Error);
    expect(err.file).toBe(path.join(dir, file));
    expect(err.problems).toContainEqual({ path: fieldPath, message: expect.stringMatching(expected) });
    expect(err.message).toContain(`${path.join(dir, file)}: ${fieldPath}: `);
  });

  it('reports every problem in a file, one per line', () => {
    edit('countries.json', (j) => {
      j.countries.FR.digitalConsentAge = 'x';
      delete j.countries.PT;
    });
    const err = loadError(dir);
    expect(err.problems.map((p) => p.path).sort()).toEqual(['countries.FR.digitalConsentAge', 'countries.PT']);
    expect(err.message.split('\n')).toHaveLength(2);
  });

  it('names the file when it is not JSON', () => {
    writeFileSync(path.join(dir, 'countries.json'), '{ "version": "1", ');
    const err = loadError(dir);
    expect(err.file).toBe(path.join(dir, 'countries.json'));
    expect(err.message).toMatch(new RegExp(`^${escapeRegExp(path.join(dir, 'countries.json'))}: \\(file\\): invalid JSON: `));
  });

  it('names the file when it is missing', () => {
    unlinkSync(path.join(dir, 'privacy-notice.json'));
    const err = loadError(dir);
    expect(err.message).toBe(`${path.join(dir, 'privacy-notice.json')}: (file): file not found`);
  });

  it('shows the path relative to the working directory when the file is inside it', () => {
    edit('eligibility-rules.json', (j) => { j.programmes.digiter.criteria[0].min = 'sixteen'; });
    const cwd = jest.spyOn(process, 'cwd').mockReturnValue(path.dirname(dir));
    try {
      const err = loadError(dir);
      expect(err.message).toBe(
        `${path.join(path.basename(dir), 'eligibility-rules.json')}: programmes.digiter.criteria[0].min: expected number, received string`
      );
    } finally {
      cwd.mockRestore();
    }
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
