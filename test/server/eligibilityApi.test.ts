import { startApp, postJson, type RunningApp } from '../support/testApp';

const AS_OF = '2026-11-29';
const NEET_IN_FRANCE = { situation: 'none', qualification: 'none', country: 'FR', livesInCamp: false };

interface ProgrammeBody {
  programme: string;
  outcome: string;
  outcomeText: string;
  criteria: { criterion: string; status: string; reasonKey: string; text: string }[];
  nextStepKey: string;
  nextStepText: string;
}
interface CheckBody {
  rulesVersion: string;
  asOf: string;
  lang: string;
  programmes: ProgrammeBody[];
}

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(() => running.close());

async function check(answers: Record<string, unknown>, lang = 'en'): Promise<CheckBody> {
  const res = await postJson(`${running.url}/api/eligibility`, { lang, asOf: AS_OF, answers });
  expect(res.status).toBe(200);
  return (await res.json()) as CheckBody;
}

function programme(body: CheckBody, id: string): ProgrammeBody {
  const p = body.programmes.find((x) => x.programme === id);
  if (!p) throw new Error(`no ${id} in ${JSON.stringify(body)}`);
  return p;
}

describe('POST /api/eligibility — DIGI@TER age boundaries', () => {
  it.each([
    ['age 15', { age: 15 }, 'not_eligible', 'reason.age.tooYoung'],
    ['age 16', { age: 16 }, 'eligible', 'reason.age.ok'],
    ['age 29', { age: 29 }, 'eligible', 'reason.age.ok'],
    ['age 30', { age: 30 }, 'not_eligible', 'reason.age.tooOld'],
    ['16th birthday tomorrow', { birthDate: '2010-11-30' }, 'not_eligible', 'reason.age.tooYoung'],
    ['16th birthday today', { birthDate: '2010-11-29' }, 'eligible', 'reason.age.ok'],
    ['16th birthday yesterday', { birthDate: '2010-11-28' }, 'eligible', 'reason.age.ok'],
    ['30th birthday tomorrow', { birthDate: '1996-11-30' }, 'eligible', 'reason.age.ok'],
    ['30th birthday today', { birthDate: '1996-11-29' }, 'not_eligible', 'reason.age.tooOld'],
    ['30th birthday yesterday', { birthDate: '1996-11-28' }, 'not_eligible', 'reason.age.tooOld'],
    ['birth date wins over age', { birthDate: '1996-11-29', age: 22 }, 'not_eligible', 'reason.age.tooOld'],
    ['birth date in the future', { birthDate: '2030-01-01' }, 'needs_adviser', 'reason.age.invalid'],
    ['no age at all', {}, 'needs_adviser', 'reason.age.noAnswer']
  ])('%s → %s', async (_name, age, outcome, reasonKey) => {
    const body = await check({ ...NEET_IN_FRANCE, ...age });
    const digiter = programme(body, 'digiter');
    expect(digiter.outcome).toBe(outcome);
    expect(digiter.criteria.find((c) => c.criterion === 'age')?.reasonKey).toBe(reasonKey);
  });

  it.each([
    ['2008-02-29', '2024-02-28', 'not_eligible'], // 15: the 16th birthday (a leap day) is tomorrow
    ['2008-02-29', '2024-02-29', 'eligible'], // 16 on the leap day itself
    ['1996-02-29', '2026-02-28', 'eligible'], // still 29: in a non-leap year the birthday is 1 March
    ['1996-02-29', '2026-03-01', 'not_eligible'] // 30 on 1 March
  ])('leap-day birthday %s, checked on %s → %s', async (birthDate, asOf, outcome) => {
    const res = await postJson(`${running.url}/api/eligibility`, { asOf, answers: { ...NEET_IN_FRANCE, birthDate } });
    expect(res.status).toBe(200);
    expect(programme((await res.json()) as CheckBody, 'digiter').outcome).toBe(outcome);
  });
});

describe('POST /api/eligibility — situation, qualification, country, camp', () => {
  it.each([
    ['none', 'eligible'],
    ['training', 'needs_adviser'],
    ['studying', 'not_eligible'],
    ['employed', 'not_eligible']
  ])('DIGI@TER with situation %s → %s', async (situation, outcome) => {
    const body = await check({ ...NEET_IN_FRANCE, age: 22, situation });
    expect(programme(body, 'digiter').outcome).toBe(outcome);
  });

  it.each([
    ['none', 'eligible'],
    ['primary', 'eligible'],
    ['lowerSecondary', 'eligible'],
    ['vocationalCertificate', 'not_eligible'],
    ['upperSecondary', 'not_eligible'],
    ['higherEducation', 'not_eligible'],
    ['unknown', 'needs_adviser']
  ])('DIGI@TER with qualification %s → %s', async (qualification, outcome) => {
    const body = await check({ ...NEET_IN_FRANCE, age: 22, qualification });
    expect(programme(body, 'digiter').outcome).toBe(outcome);
  });

  it.each([
    ['FR', 'eligible'],
    ['BE', 'eligible'],
    ['RO', 'eligible'],
    ['DE', 'eligible'],
    ['PT', 'eligible'],
    ['OTHER', 'not_eligible']
  ])('DIGI@TER in %s → %s', async (country, outcome) => {
    const body = await check({ ...NEET_IN_FRANCE, age: 22, country });
    expect(programme(body, 'digiter').outcome).toBe(outcome);
  });

  it.each([
    [true, 'leading', 25, 'eligible'],
    [true, 'planning', 25, 'eligible'],
    [true, 'none', 25, 'not_eligible'],
    [false, undefined, 25, 'not_eligible'],
    [true, 'leading', 17, 'needs_adviser'],
    [true, 'leading', 15, 'not_eligible'],
    [true, undefined, 25, 'needs_adviser']
  ])('CAMPLUS with camp=%s, project=%s, age %s → %s', async (livesInCamp, project, age, outcome) => {
    const body = await check({ ...NEET_IN_FRANCE, country: 'OTHER', age, livesInCamp, ...(project ? { project } : {}) });
    expect(programme(body, 'camplus').outcome).toBe(outcome);
  });
});

describe('POST /api/eligibility — response', () => {
  it('explains each criterion in the requested language with the rules version', async () => {
    const fr = await check({ ...NEET_IN_FRANCE, age: 31 }, 'fr');
    expect(fr.lang).toBe('fr');
    expect(fr.rulesVersion).toMatch(/\S/);
    expect(fr.asOf).toBe(AS_OF);
    const digiter = programme(fr, 'digiter');
    expect(digiter.outcomeText).toBe('vous ne pouvez pas participer.');
    expect(digiter.criteria.find((c) => c.criterion === 'age')?.text).toBe('Vous avez 31 ans. Ce programme est pour les personnes jusqu\'à 29 ans.');
    expect(digiter.nextStepKey).toBe('next.digiter.notEligible');

    const ar = await check({ ...NEET_IN_FRANCE, age: 22 }, 'ar-EG');
    expect(ar.lang).toBe('ar');
    expect(programme(ar, 'digiter').outcomeText).toMatch(/[\u0600-\u06FF]/);
  });

  it.each([
    ['not JSON', '{"answers": ', 400],
    ['wrong type', { answers: { age: 'twenty' } }, 400],
    ['unknown situation', { answers: { situation: 'astronaut' } }, 400],
    ['impossible date', { answers: { birthDate: '2005-02-30' } }, 400],
    ['unknown field', { answers: { favouriteColour: 'blue' } }, 400],
    ['no answers', { lang: 'fr' }, 400],
    ['negative age', { answers: { age: -1 } }, 400]
  ])('%s → %s with field errors', async (_name, body, status) => {
    const res = await postJson(`${running.url}/api/eligibility`, body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { fields?: { path: string; message: string }[]; message?: string };
    expect(json.fields?.length ?? (json.message ? 1 : 0)).toBeGreaterThan(0);
  });

  it('names the wrong field', async () => {
    const res = await postJson(`${running.url}/api/eligibility`, { answers: { age: 'twenty', country: 'XX' } });
    const json = (await res.json()) as { fields: { path: string }[] };
    expect(json.fields.map((f) => f.path).sort()).toEqual(['answers.age', 'answers.country']);
  });
});

describe('POST /api/eligibility — a year of birth alone', () => {
  it('is understood: born in 2004, on 2026-11-29, the person is 21 or 22 and may join DIGI@TER; born in 1996 (29 or 30) an adviser looks', async () => {
    const young = programme(await check({ ...NEET_IN_FRANCE, birthYear: 2004 }), 'digiter');
    expect(young.outcome).toBe('eligible');
    expect(young.criteria.find((c) => c.criterion === 'age')?.text).toMatch(/21 or 22/);
    const border = programme(await check({ ...NEET_IN_FRANCE, birthYear: 1996 }), 'digiter');
    expect(border.criteria.find((c) => c.criterion === 'age')?.status).toBe('review');
  });

  it('a year that is not a whole number is refused with the field named', async () => {
    const res = await postJson(`${running.url}/api/eligibility`, { lang: 'en', asOf: AS_OF, answers: { birthYear: '2004' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/birthYear/);
  });
});
