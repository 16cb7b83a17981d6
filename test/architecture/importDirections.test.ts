import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import directions of ARCHITECTURE.md, checked on every file: server → channels → bot →
 * conversation/dialogs → services → domain, storage adapters behind ports. Each rule lists every
 * file that breaks it.
 */

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** A file's imports: project files (relative to the root) and packages. */
interface Imports {
  files: string[];
  packages: string[];
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.join(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return path.normalize(candidate);
  }
  return undefined;
}

function importsOf(file: string): Imports {
  const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  const files: string[] = [];
  const packages: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (fileName.startsWith('.')) {
      const target = resolve(file, fileName);
      if (!target) throw new Error(`${file}: cannot resolve "${fileName}"`);
      files.push(target);
    } else {
      packages.push(fileName.startsWith('@') ? fileName.split('/').slice(0, 2).join('/') : fileName.split('/')[0]!);
    }
  }
  return { files, packages };
}

const FILES = [...sourceFiles('src'), ...sourceFiles('dialogs')];
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

const inside = (file: string, ...dirs: string[]): boolean => dirs.some((dir) => file === `${dir}.ts` || file.startsWith(`${dir}/`));

/** Every import from a file in `from` that `allowed` refuses, as "file → import". */
function violations(from: string[], check: (file: string, imports: Imports) => string[]): string[] {
  return FILES.filter((file) => inside(file, ...from)).flatMap((file) => check(file, GRAPH.get(file)!).map((bad) => `${file} → ${bad}`));
}

const FRAMEWORKS = ['botbuilder', 'botbuilder-dialogs', 'botframework-connector', 'botbuilder-core', 'restify', 'mongodb', 'better-sqlite3', 'ws', 'preact', 'preact-render-to-string', 'pino'];

describe('import directions', () => {
  it('finds the files and their imports', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(GRAPH.get(path.normalize('src/app.ts'))!.files.length).toBeGreaterThan(10);
  });

  it('src/domain imports only src/domain (no package, not even Node)', () => {
    expect(
      violations(['src/domain'], (_file, { files, packages }) => [...files.filter((f) => !inside(f, 'src/domain')), ...packages])
    ).toEqual([]);
  });

  it('src/services import no framework, no adapter, and nothing above them', () => {
    expect(
      violations(['src/services'], (_file, { files, packages }) => [
        ...packages.filter((p) => FRAMEWORKS.includes(p)),
        ...files.filter((f) => inside(f, 'src/bot', 'src/conversation', 'src/server', 'src/console', 'src/channels', 'src/web', 'dialogs', 'src/storage/sqlite', 'src/storage/mongo', 'src/app', 'src/index'))
      ])
    ).toEqual([]);
  });

  it('only the bot layer (src/bot) imports dialogs/ among src/', () => {
    expect(violations(['src'], (file, { files }) => (inside(file, 'src/bot') ? [] : files.filter((f) => inside(f, 'dialogs'))))).toEqual([]);
  });

  it('dialogs/ import neither the bot, the server, the channels nor storage', () => {
    expect(
      violations(['dialogs'], (_file, { files, packages }) => [
        ...files.filter((f) => inside(f, 'src/bot', 'src/server', 'src/channels', 'src/web', 'src/storage', 'src/app', 'src/index')),
        ...packages.filter((p) => ['restify', 'mongodb', 'better-sqlite3', 'ws'].includes(p))
      ])
    ).toEqual([]);
  });

  it('src/conversation imports neither the bot, the dialogs, the server nor the channels', () => {
    expect(
      violations(['src/conversation'], (_file, { files }) => files.filter((f) => inside(f, 'src/bot', 'dialogs', 'src/server', 'src/channels', 'src/storage', 'src/app')))
    ).toEqual([]);
  });

  it('the bot imports neither the server nor the channels', () => {
    expect(violations(['src/bot'], (_file, { files }) => files.filter((f) => inside(f, 'src/server', 'src/channels', 'src/web', 'src/app')))).toEqual([]);
  });

  it('understanding, i18n and content depend only on the domain and each other', () => {
    expect(
      violations(['src/understanding', 'src/i18n', 'src/content'], (_file, { files, packages }) => [
        ...files.filter((f) => !inside(f, 'src/understanding', 'src/i18n', 'src/content', 'src/domain')),
        ...packages.filter((p) => FRAMEWORKS.includes(p))
      ])
    ).toEqual([]);
  });

  it('the outbox worker and its deliverers know neither the bot, the dialogs, the server nor the channels', () => {
    expect(
      violations(['src/outbox'], (_file, { files }) => files.filter((f) => inside(f, 'src/bot', 'src/conversation', 'dialogs', 'src/server', 'src/channels', 'src/web', 'src/app')))
    ).toEqual([]);
  });

  it('the console (src/console) sits at the server level: only the app and the server build on it; it reaches storage through services', () => {
    expect(
      violations(['src'], (file, { files }) =>
        inside(file, 'src/console', 'src/app', 'src/server') ? [] : files.filter((f) => inside(f, 'src/console'))
      )
    ).toEqual([]);
    expect(violations(['src/console'], (_file, { files, packages }) => [...files.filter((f) => inside(f, 'src/storage', 'src/bot', 'dialogs', 'src/channels')), ...packages.filter((p) => ['botbuilder', 'botbuilder-dialogs', 'mongodb', 'better-sqlite3'].includes(p))])).toEqual([]);
  });

  it('storage depends only on the domain (adapters behind ports)', () => {
    expect(violations(['src/storage'], (_file, { files }) => files.filter((f) => !inside(f, 'src/storage', 'src/domain')))).toEqual([]);
  });

  it('has no import cycle', () => {
    // Tarjan's strongly connected components over the file graph.
    let index = 0;
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string): void => {
      order.set(file, index);
      low.set(file, index++);
      stack.push(file);
      onStack.add(file);
      for (const next of GRAPH.get(file)?.files ?? []) {
        if (!GRAPH.has(next)) continue;
        if (!order.has(next)) {
          visit(next);
          low.set(file, Math.min(low.get(file)!, low.get(next)!));
        } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
      if (low.get(file) === order.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== file);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of FILES) if (!order.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
