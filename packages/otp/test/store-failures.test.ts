import { describe, expect, it } from 'vitest';
import { MemoryCodeStore, MemoryLimitStore, type CodeStore, type LimitStore } from '../src/index.js';
import { harness, phone } from './harness.js';

/** Stores that fail (or hang) while `down` is set, like a Redis that went away. */
function flaky(mode: 'reject' | 'hang') {
  const state = { down: false };
  const fail = <T>(): Promise<T> => (mode === 'reject' ? Promise.reject(new Error('connection refused')) : new Promise<T>(() => undefined));
  const limitsInner = new MemoryLimitStore();
  const codesInner = new MemoryCodeStore();
  const limits: LimitStore = { consume: (request) => (state.down ? fail() : limitsInner.consume(request)) };
  const codes: CodeStore = {
    put: (code) => (state.down ? fail() : codesInner.put(code)),
    check: (attempt) => (state.down ? fail() : codesInner.check(attempt)),
    discard: (target) => (state.down ? fail() : codesInner.discard(target)),
  };
  return { state, limits, codes };
}

const ask = (n: number) => ({ phone: phone(n), scene: 'login', ip: '192.0.2.1' });

describe('a failing store', () => {
  it('fails closed by default: a typed, retryable error and nothing sent; service resumes after', async () => {
    const store = flaky('reject');
    const { service, sent, lastCode } = harness({ stores: store });
    store.state.down = true;
    const refused = await service.request(ask(1));
    expect(refused).toMatchObject({ ok: false, reason: 'unavailable', error: { name: 'SmsError', code: -1, retryable: true } });
    expect(refused.ok === false ? refused.message : '').toMatch(/limits\.consume.*connection refused/);
    expect(sent).toHaveLength(0);
    store.state.down = false;
    expect((await service.request(ask(1))).ok).toBe(true);
    store.state.down = true;
    expect(await service.verify({ ...ask(1), code: lastCode() })).toMatchObject({ ok: false, reason: 'unavailable' });
    store.state.down = false;
    expect(await service.verify({ ...ask(1), code: lastCode() })).toMatchObject({ ok: true });
  });

  it('a store that never answers fails after storeTimeoutMs instead of holding the request', async () => {
    const store = flaky('hang');
    const { service } = harness({ stores: store, storeTimeoutMs: 20 });
    store.state.down = true;
    expect(await service.request(ask(1))).toMatchObject({ reason: 'unavailable', message: expect.stringMatching(/no answer within 20 ms/) });
  });

  it('fails open when asked: in-process stores stand in, and codes sent meanwhile still verify', async () => {
    const store = flaky('reject');
    const operations: string[] = [];
    const { service, lastCode } = harness({ stores: store, failMode: 'open', onError: (_, { operation }) => operations.push(operation) });
    store.state.down = true;
    expect((await service.request(ask(1))).ok).toBe(true);
    expect(await service.request(ask(1))).toMatchObject({ reason: 'limit', limit: 'phone-scene' });
    expect(operations).toContain('limits.consume (failing open)');
    store.state.down = false;
    expect(await service.verify({ ...ask(1), code: lastCode() })).toMatchObject({ ok: true });
  });

  it('fails open without waiting on the dead store at every step, and tries it again after a second', async () => {
    const store = flaky('hang');
    let calls = 0;
    const counted = { limits: { consume: (request: Parameters<LimitStore['consume']>[0]) => (calls++, store.limits.consume(request)) }, codes: store.codes };
    const { service, clock } = harness({ stores: counted, failMode: 'open', storeTimeoutMs: 20 });
    store.state.down = true;
    for (let i = 1; i <= 3; i += 1) expect((await service.request(ask(i))).ok).toBe(true);
    expect(calls).toBe(1);
    store.state.down = false;
    clock.now += 1000;
    expect((await service.request(ask(4))).ok).toBe(true);
    expect(calls).toBe(2);
  });

  it('a failing send log or alert hook never changes the answer', async () => {
    const operations: string[] = [];
    const { service } = harness({
      stores: { sendLog: { append: () => Promise.reject(new Error('disk full')), recent: async () => [] } },
      alert: { threshold: 1, notify: () => { throw new Error('webhook down'); } },
      onError: (_, { operation }) => operations.push(operation),
    });
    expect((await service.request(ask(1))).ok).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(operations.sort()).toEqual(['alert.notify', 'sendLog.append']);
  });
});
