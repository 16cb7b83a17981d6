import path from 'node:path';
import { runPartnerKeyCommand } from '../../src/cli/partnerKey';
import { PartnerKeyService } from '../../src/services/partnerKeyService';
import { openSqliteStorage } from '../../src/storage';
import { tempDataDir } from '../support/testApp';

const ROOT = path.resolve(__dirname, '..', '..');

async function run(args: string[], dataDir: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const env = { NODE_ENV: 'test', DATA_DIR: dataDir, CONTENT_DIR: path.join(ROOT, 'content'), LOCALES_DIR: path.join(ROOT, 'locales'), LEXICONS_DIR: path.join(ROOT, 'lexicons') };
  const code = await runPartnerKeyCommand(args, env, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run partner:key', () => {
  it('creates a key shown once, lists it, and revokes it; the key then opens nothing', async () => {
    const dataDir = tempDataDir();
    const created = await run(['create', '--partner', 'fr-coordinator', '--label', 'CRM'], dataDir);
    expect(created.code).toBe(0);
    const key = /(pk_[a-z2-7]{16}_[A-Za-z0-9_-]{43})/.exec(created.out)![1]!;
    const id = key.split('_')[1]!;
    const storage = await openSqliteStorage({ file: path.join(dataDir, 'passerelle.sqlite') });
    const keys = new PartnerKeyService(storage.partnerApiKeys, () => new Date());
    expect(await keys.authenticate(key)).toBe('fr-coordinator');
    expect(JSON.stringify(await storage.partnerApiKeys.listByPartner('fr-coordinator'))).not.toContain(key.slice('pk_'.length + 17));
    await storage.close();

    expect((await run(['list', '--partner', 'fr-coordinator'], dataDir)).out).toMatch(new RegExp(`${id}  CRM  created`));
    expect((await run(['revoke', '--id', id], dataDir)).code).toBe(0);
    expect((await run(['revoke', '--id', id], dataDir)).code).toBe(1);
    const again = await openSqliteStorage({ file: path.join(dataDir, 'passerelle.sqlite') });
    expect(await new PartnerKeyService(again.partnerApiKeys, () => new Date()).authenticate(key)).toBeUndefined();
    await again.close();
  });

  it('says what is wrong with the command', async () => {
    const dataDir = tempDataDir();
    expect(await run(['create', '--partner', 'nobody'], dataDir)).toMatchObject({ code: 64, err: expect.stringMatching(/--partner must be one of: fr-coordinator/) });
    expect(await run(['explode'], dataDir)).toMatchObject({ code: 64, err: expect.stringMatching(/npm run partner:key -- create/) });
    expect(await run(['revoke'], dataDir)).toMatchObject({ code: 64, err: expect.stringMatching(/--id is required/) });
  });
});
