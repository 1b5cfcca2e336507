import { describe, expect, it } from 'vitest';
import { MemoryPacerStore, SmsError, type PacerStore } from '../../src/index.js';
import type { Release } from '../../src/client/pacing.js';
import { SharedRateWindow } from '../../src/client/shared-window.js';

const settled = async <T>(promise: Promise<T>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

function shared(store: PacerStore, options: Partial<ConstructorParameters<typeof SharedRateWindow>[0]> = {}) {
  return new SharedRateWindow({ store, key: 'acct:requests', limit: { max: 2, windowMs: 100 }, leaseMs: 60_000, timeoutMs: 200, failMode: 'closed', onError: () => undefined, now: () => Date.now(), ...options });
}

describe('SharedRateWindow', () => {
  it('two windows on one store share the limit: a third request waits until one answered and its window passed', async () => {
    const store = new MemoryPacerStore();
    const [a, b] = [shared(store), shared(store)];
    const first = await a.acquire();
    await b.acquire();
    const third = a.acquire();
    expect(await settled(third)).toBe(false);
    first();
    const release: Release = await third;
    release();
    a.close();
    b.close();
  });

  it('fails closed: a store that throws or does not answer fails the request with a retryable -1, nothing sent', async () => {
    const throwing: PacerStore = { take: () => Promise.reject(new Error('down')), release: () => Promise.resolve() };
    const hanging: PacerStore = { take: () => new Promise(() => undefined), release: () => Promise.resolve() };
    const errors: unknown[] = [];
    for (const store of [throwing, hanging]) {
      const window = shared(store, { onError: (error) => errors.push(error) });
      const failure = await window.acquire().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SmsError);
      expect(failure).toMatchObject({ code: -1, retryable: true, details: { outcome: 'failed', attempts: 0 } });
      window.close();
    }
    expect(errors).toHaveLength(2);
  });

  it('fails open when asked: the in-process window paces instead, with the same limit', async () => {
    const throwing: PacerStore = { take: () => Promise.reject(new Error('down')), release: () => Promise.resolve() };
    const window = shared(throwing, { failMode: 'open' });
    const first = await window.acquire();
    await window.acquire();
    const third = window.acquire();
    expect(await settled(third)).toBe(false);
    first();
    (await third)();
    window.close();
  });

  it('close rejects the waiting requests', async () => {
    const window = shared(new MemoryPacerStore(), { limit: { max: 1, windowMs: 60_000 } });
    await window.acquire();
    const waiting = window.acquire();
    window.close();
    await expect(waiting).rejects.toMatchObject({ code: -1, retryable: false });
  });
});
