import { describe, expect, it } from 'vitest';
import { ChannelReceiptBook, ChannelRouter, type ChannelReceipt } from '../../src/index.js';
import { fakeChannel, FAST, templateFor } from './fake-channel.js';

const A = '13800138000';
const B = '13900139000';

async function routed() {
  const main = fakeChannel({ name: 'main', script: ({ number }) => (number === A ? 'sent' : 'unknown') });
  const router = new ChannelRouter({ channels: [main], templates: templateFor('main'), ...FAST });
  return router.send({ template: 'verification', to: [A, B], values: {}, idempotencyKey: 'job1' });
}

const receipt = (overrides: Partial<ChannelReceipt>): ChannelReceipt => ({ channel: 'main', messageId: 'main-1', number: A, state: 'delivered', providerState: 'DELIVRD', ...overrides });

describe('ChannelReceiptBook', () => {
  it('follows sent numbers by (channel, message id, number) and applies their receipts', async () => {
    const book = new ChannelReceiptBook();
    book.record(await routed());
    expect(book.get({ channel: 'main', messageId: 'main-1', number: A })).toMatchObject({ sent: 'sent', state: 'pending' });
    expect(book.apply(receipt({}))).toMatchObject({ state: 'delivered', providerState: 'DELIVRD' });
    expect(book.apply(receipt({ channel: 'other' }))).toBeUndefined();
    expect(book.apply(receipt({ number: B }))).toBeUndefined();
  });

  it('settles an unknown send when a receipt carrying its idempotency key arrives', async () => {
    const book = new ChannelReceiptBook();
    const result = await routed();
    book.record(result);
    const key = result.numbers[1]?.idempotencyKey as string;
    expect(book.getByKey({ channel: 'main', idempotencyKey: key, number: B })).toMatchObject({ sent: 'unknown' });
    book.apply(receipt({ messageId: 'late-9', number: B, idempotencyKey: key, state: 'failed', providerState: 'UNDELIV' }));
    expect(book.get({ channel: 'main', messageId: 'late-9', number: B })).toMatchObject({ sent: 'sent', state: 'failed' });
  });

  it('never moves a final state back to pending, and a repeat changes nothing', async () => {
    const book = new ChannelReceiptBook();
    book.record(await routed());
    book.apply(receipt({}));
    book.apply(receipt({ state: 'pending', providerState: 'ACCEPTD' }));
    book.apply(receipt({}));
    expect(book.get({ channel: 'main', messageId: 'main-1', number: A })).toMatchObject({ state: 'delivered', providerState: 'DELIVRD' });
  });

  it('lists pending messages to pull, and forgets the oldest beyond its bound', async () => {
    const book = new ChannelReceiptBook({ maxEntries: 1 });
    book.record(await routed());
    expect(book.size).toBe(1);
    expect(book.pending('main')).toEqual([expect.objectContaining({ number: B })]);
  });
});
