import { describe, expect, it } from 'vitest';
import { MemorySandboxStore, type SandboxMessage } from '../src/index.js';

function message(seq: number): SandboxMessage {
  return {
    seq,
    msgId: `m${seq}`,
    apiKey: 'k',
    phone: `138${String(seq).padStart(8, '0')}`,
    templateCode: '100001',
    text: '【沙箱】hello',
    parts: 1,
    endpoint: 'send',
    submittedAt: 1_700_000_000_000 + seq,
    state: 'PENDING',
    pulled: false,
  };
}

describe('MemorySandboxStore past maxMessages', () => {
  it('evicts the oldest messages, and their receipts are never returned nor kept', async () => {
    const store = new MemorySandboxStore({ maxMessages: 100 });
    const all = Array.from({ length: 250 }, (_, i) => message(i));
    store.addMessages(all.slice(0, 100));
    store.settle(all.slice(0, 100).map((m) => ({ seq: m.seq, state: 'DELIVRD' as const, arrivedAt: m.submittedAt + 1000 })));
    store.addMessages(all.slice(100));
    const receipts = await store.takeReceipts({ apiKey: 'k', since: 0, limit: 1000 });
    expect(receipts).toEqual([]);
    expect(await store.findMessages({ phone: all[0]!.phone, limit: 10 })).toEqual([]);
    expect((await store.findMessages({ phone: all[249]!.phone, limit: 10 })).map((m) => m.seq)).toEqual([249]);
  });

  it('keeps the receipts of messages still held', async () => {
    const store = new MemorySandboxStore({ maxMessages: 100 });
    const all = Array.from({ length: 150 }, (_, i) => message(i));
    store.addMessages(all);
    store.settle(all.slice(50).map((m) => ({ seq: m.seq, state: 'UNDELIV' as const, arrivedAt: m.submittedAt + 1000 })));
    const receipts = await store.takeReceipts({ apiKey: 'k', since: 0, limit: 1000 });
    expect(receipts.map((m) => m.seq)).toEqual(all.slice(50).map((m) => m.seq));
  });
});
