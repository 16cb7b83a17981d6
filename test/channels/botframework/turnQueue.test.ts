import { TurnQueue } from '../../../src/channels/botframework/turnQueue';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TurnQueue', () => {
  it('runs tasks of one key one after another, in arrival order', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await delay(ms);
      log.push(`end ${name}`);
    };
    await Promise.all([queue.run('c1', task('a', 30)), queue.run('c1', task('b', 1))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(queue.size).toBe(0);
  });

  it('runs different keys concurrently', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    await Promise.all([
      queue.run('c1', async () => {
        log.push('start 1');
        await delay(30);
        log.push('end 1');
      }),
      queue.run('c2', async () => {
        log.push('start 2');
        await delay(1);
        log.push('end 2');
      })
    ]);
    expect(log).toEqual(['start 1', 'start 2', 'end 2', 'end 1']);
  });

  it('keeps going after a failed task and reports the failure to its caller', async () => {
    const queue = new TurnQueue();
    const failed = queue.run('c1', async () => {
      throw new Error('boom');
    });
    const next = queue.run('c1', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
