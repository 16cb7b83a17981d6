import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentValidationError, loadContent, loadPartners, PARTNERS_FILE } from '../../src/content';

const SHIPPED = path.join(__dirname, '..', '..', 'content');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-partners-'));
  cpSync(SHIPPED, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are edited freely
function edit(file: string, change: (json: any) => void): void {
  const full = path.join(dir, file);
  const json = JSON.parse(readFileSync(full, 'utf8'));
  change(json);
  writeFileSync(full, JSON.stringify(json));
}

function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (err) {
    if (err instanceof ContentValidationError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected a ContentValidationError');
}

describe('partners content', () => {
  it('ships the five programme partners and the CAMPLUS team, clearly marked as sample data', () => {
    const partners = loadPartners(SHIPPED);
    expect(partners.sample).toBe(true);
    expect(partners.partners.map((p) => [p.id, p.countries.join(','), p.kind])).toEqual([
      ['fr-coordinator', 'FR', 'vetBody'],
      ['be-training', 'BE', 'vetBody'],
      ['ro-university', 'RO', 'university'],
      ['de-crafts-chamber', 'DE', 'craftsChamber'],
      ['pt-employment-association', 'PT', 'employmentAssociation'],
      ['camplus-team', 'FR,BE,RO,DE,PT,OTHER', 'camplusTeam']
    ]);
    expect(partners.programmeCapacity).toEqual({ camplus: 180 });
    // Nothing leaves the machine until an administrator replaces the sample.
    for (const p of partners.partners) {
      expect(p.delivery.webhookUrl).toBeNull();
      expect(p.delivery.email ?? '').toMatch(/@([a-z0-9-]+\.)*example\.org$/);
    }
  });

  it.each<[string, (json: any) => void, RegExp]>([
    ['an unknown field', (j) => (j.partners[0].colour = 'blue'), /partners\[0\]\.colour: unexpected field/],
    ['a duplicate id', (j) => (j.partners[1].id = j.partners[0].id), /partners\[1\]\.id: expected a unique id/],
    ['an unknown country', (j) => (j.partners[0].countries = ['XX']), /partners\[0\]\.countries\[0\]/],
    ['a negative capacity', (j) => (j.partners[0].capacity = -1), /partners\[0\]\.capacity/],
    ['a webhook without a secret', (j) => Object.assign(j.partners[0].delivery, { webhookUrl: 'https://x.example.org/hook', signingSecretEnv: null }), /signingSecretEnv: a webhook needs/],
    ['a secret that is not a variable name', (j) => (j.partners[0].delivery.signingSecretEnv = 'my secret'), /signingSecretEnv: expected the NAME/],
    ['a bad e-mail', (j) => (j.partners[0].delivery.email = 'nobody'), /delivery\.email: expected an e-mail address/],
    ['no CAMPLUS capacity as a number', (j) => (j.programmeCapacity.camplus = 'many'), /programmeCapacity\.camplus/]
  ])('refuses %s, naming the file and field', (_name, change, expected) => {
    edit(PARTNERS_FILE, change);
    const lines = problems(() => loadPartners(dir));
    expect(lines[0]).toMatch(/partners\.json/);
    expect(lines.join('\n')).toMatch(expected);
  });

  it('refuses a training whose partner is not in partners.json', () => {
    edit('trainings.json', (j) => (j.trainings[0].partnerId = 'nowhere'));
    expect(problems(() => loadContent(dir)).join('\n')).toMatch(/trainings\.json[\s\S]*"nowhere" is not a partner of partners\.json/);
  });
});
