import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILT_ENTRY } from '../support/childApp';

/**
 * `npm run bench` (scripts/bench.mjs) is not part of the suite: its figures depend on the
 * machine. This runs its pieces for real, tiny: both bots started (Passerelle from the test
 * build), two conversations for two seconds each, and checks that the report has every figure
 * the README quotes, that both bots answered every turn with the flow's replies, and that the
 * flow was walked to its end. No timing is asserted.
 */
const ROOT = path.resolve(__dirname, '..', '..');

interface Figures {
  turnsPerSecond: number;
  turnsPerCpuSecond: number;
  p50Ms: number;
  p99Ms: number;
}

interface Report {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  flow: { turns: number; replies: number };
  results: { conversations: number; ceiling: Figures; passerelle: Figures; ratios: { turnsPerSecond: number; p50: number; p99: number; turnsPerCpuSecond: number } }[];
  runs: { bot: string; conversations: number; turns: number; errors: number; turnsWithOtherReplyCount: number; conversationsFinished: number }[];
  rssAfterLoad: { ceilingMiB: number; passerelleMiB: number; ratio: number };
  readyToAnswer: { ceilingMs: number; passerelleMs: number; ratio: number };
  targets: Record<string, { target: string; ratio: number; met: boolean }>;
  exits: Record<string, { code: number | null; signal: string | null }>;
}

describe('npm run bench', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-test-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs both bots, drives the eligibility flow and writes every figure to JSON', async () => {
    const out = path.join(dir, 'bench.json');
    const args = ['scripts/bench.mjs', '--entry', BUILT_ENTRY, '--out', out, '--conversations', '2', '--seconds', '2', '--warmup-seconds', '1', '--rounds', '1', '--ready-starts', '1', '--quiet'];
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, args, { cwd: ROOT, timeout: 90_000 }, (err, _stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve()))
    );
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;

    expect(report.flow).toEqual({ turns: 10, replies: 17 });
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    expect(report.results.map((r) => r.conversations)).toEqual([2]);
    const [result] = report.results;
    for (const bot of [result!.ceiling, result!.passerelle]) {
      for (const figure of [bot.turnsPerSecond, bot.turnsPerCpuSecond, bot.p50Ms, bot.p99Ms]) expect(figure).toBeGreaterThan(0);
    }
    for (const ratio of [result!.ratios.turnsPerSecond, result!.ratios.turnsPerCpuSecond, result!.ratios.p50, result!.ratios.p99, report.rssAfterLoad.ratio, report.readyToAnswer.ratio]) {
      expect(ratio).toBeGreaterThan(0);
    }
    expect(report.rssAfterLoad.passerelleMiB).toBeGreaterThan(0);
    expect(report.readyToAnswer.passerelleMs).toBeGreaterThan(0);
    expect(Object.keys(report.targets).sort()).toEqual(['p99At2', 'readyToAnswer', 'rssAfterLoad', 'turnsPerSecondAt2']);

    // Every turn answered with the flow's number of replies, and the flow walked to its result.
    for (const run of report.runs) {
      expect({ bot: run.bot, errors: run.errors, otherReplyCounts: run.turnsWithOtherReplyCount }).toEqual({ bot: run.bot, errors: 0, otherReplyCounts: 0 });
      expect(run.turns).toBeGreaterThan(0);
      expect(run.conversationsFinished).toBeGreaterThan(0);
    }
    expect(report.runs.map((r) => r.bot).sort()).toEqual(['ceiling', 'passerelle']);
    // Both stopped on SIGTERM.
    expect(report.exits.passerelle).toEqual({ code: 0, signal: null });
    expect(report.exits.ceiling).toEqual({ code: 0, signal: null });
  }, 120_000);
});
