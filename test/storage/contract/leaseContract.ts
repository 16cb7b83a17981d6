import type { StorageBundle } from '../../../src/storage';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Leases: one holder at a time per key, expiry, renewal, release. `get()` gives the running test's bundle. */
export function describeLeases(get: () => StorageBundle): void {
  describe('leases', () => {
    it('gives a free key to the first holder, refuses it to another while held, and names the holder', async () => {
      const { leases } = get();
      expect(await leases.current('conversation/a')).toBeNull();
      expect(await leases.acquire('conversation/a', 'host-1:3978', 60_000)).toBe(true);
      expect(await leases.acquire('conversation/a', 'host-2:3978', 60_000)).toBe(false);
      expect(await leases.acquire('conversation/b', 'host-2:3978', 60_000)).toBe(true);
      const lease = await leases.current('conversation/a');
      expect(lease).toMatchObject({ key: 'conversation/a', holder: 'host-1:3978' });
      expect(lease!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    });

    it('lets the holder take its own lease again, extending it', async () => {
      const { leases } = get();
      expect(await leases.acquire('k', 'me', 1_000)).toBe(true);
      expect(await leases.acquire('k', 'me', 60_000)).toBe(true);
      expect((await leases.current('k'))!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    });

    it('gives an expired lease to another holder', async () => {
      const { leases } = get();
      expect(await leases.acquire('k', 'dead', 40)).toBe(true);
      await pause(80);
      expect(await leases.current('k')).toBeNull();
      expect(await leases.acquire('k', 'alive', 60_000)).toBe(true);
      expect(await leases.current('k')).toMatchObject({ holder: 'alive' });
      expect(await leases.renew('k', 'dead', 60_000)).toBe(false);
    });

    it('renews only the holder’s lease, keeping it from expiring', async () => {
      const { leases } = get();
      await leases.acquire('k', 'me', 100);
      expect(await leases.renew('k', 'me', 60_000)).toBe(true);
      expect(await leases.renew('k', 'other', 60_000)).toBe(false);
      await pause(150);
      expect(await leases.acquire('k', 'other', 60_000)).toBe(false);
      expect(await leases.current('k')).toMatchObject({ holder: 'me' });
    });

    it('releases only the holder’s lease', async () => {
      const { leases } = get();
      await leases.acquire('k', 'me', 60_000);
      await leases.release('k', 'other');
      expect(await leases.current('k')).toMatchObject({ holder: 'me' });
      await leases.release('k', 'me');
      await leases.release('never-held', 'me');
      expect(await leases.current('k')).toBeNull();
      expect(await leases.acquire('k', 'other', 60_000)).toBe(true);
    });

    it('gives a free key to exactly one of several holders asking at once', async () => {
      const { leases } = get();
      for (let round = 0; round < 5; round++) {
        const key = `race-${round}`;
        const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((holder) => leases.acquire(key, holder, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      }
    });
  });
}
