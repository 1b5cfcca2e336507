import { describe, expect, it } from 'vitest';
import { MemoryNonceStore, PushInbox, type NonceStore } from '../../src/index.js';

const receipt = (msgId: string) => ({ msgId, tel: '13800138000', arriveResult: 'DELIVRD', arriveTime: '2611221530' });
const push = (msgIds: string[]) => ({ kind: 'receipts' as const, body: { apiKey: 'k', data: msgIds.map(receipt) }, sourceIp: '127.0.0.1', requestId: 'r1' });

/** A store that records how it was called. */
class CountingStore implements NonceStore {
  readonly inner = new MemoryNonceStore();
  claims = 0;
  batches: (readonly string[])[] = [];
  claim(key: string, ttlMs: number): Promise<boolean> {
    this.claims += 1;
    return this.inner.claim(key, ttlMs);
  }
  claimMany(keys: readonly string[], ttlMs: number): Promise<boolean[]> {
    this.batches.push(keys);
    return this.inner.claimMany(keys, ttlMs);
  }
}

describe('PushInbox de-duplication claims a push in one call', () => {
  it('a store with claimMany is asked once per push, in the order of the items, and repeats are dropped', async () => {
    const store = new CountingStore();
    const seen: string[] = [];
    const inbox = new PushInbox({ apiKeys: 'k', dedupeStore: store, onReceipts: (receipts) => void seen.push(...receipts.map((r) => r.msgId)) });
    const ids = Array.from({ length: 1000 }, (_, i) => `m${i}`);
    expect((await inbox.accept(push([...ids, 'm0']))).body.code).toBe(200);
    expect((await inbox.accept(push(['m1', 'new']))).body.code).toBe(200);
    await inbox.idle();
    expect(store.claims).toBe(0);
    expect(store.batches.map((batch) => batch.length)).toEqual([1001, 2]);
    expect(seen).toEqual([...ids, 'new']);
  });

  it('a store without claimMany: a failed claim gives back the others, so the repeat is handled whole', async () => {
    const inner = new MemoryNonceStore();
    let failNext = true;
    const store: NonceStore = {
      claim: (key, ttl) => (failNext && key.includes(':m2:') ? Promise.reject(new Error('store down')) : inner.claim(key, ttl)),
      release: (key) => inner.release(key),
    };
    const seen: string[] = [];
    const inbox = new PushInbox({ apiKeys: 'k', dedupeStore: store, onReceipts: (receipts) => void seen.push(...receipts.map((r) => r.msgId)) });
    await expect(inbox.accept(push(['m1', 'm2', 'm3']))).rejects.toThrow('store down');
    failNext = false;
    expect((await inbox.accept(push(['m1', 'm2', 'm3']))).body.code).toBe(200);
    await inbox.idle();
    expect(seen).toEqual(['m1', 'm2', 'm3']);
  });
});

describe('MemoryNonceStore.claimMany', () => {
  it('answers as if each key were claimed in turn', async () => {
    const store = new MemoryNonceStore();
    await store.claim('a', 1000);
    expect(await store.claimMany(['a', 'b', 'b', 'c'], 1000)).toEqual([false, true, false, true]);
    await store.releaseMany(['b', 'c']);
    expect(await store.claimMany(['b', 'c'], 1000)).toEqual([true, true]);
  });

  it('when full part-way (refuse mode), rejects and keeps none of the batch', async () => {
    const store = new MemoryNonceStore({ maxEntries: 2 });
    await store.claim('held', 60_000);
    await expect(store.claimMany(['x', 'y'], 60_000)).rejects.toMatchObject({ code: -1 });
    expect(store.size).toBe(1);
  });
});
