import type { PushFailure, Receipt } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import type { SmsPushOptions } from '../../src/index.js';
import type { NestKit } from './nest-kit.js';

/** SmsPushReceiver specs with `Test.createTestingModule`: handler discovery, failures, shutdown. */
export function pushReceiverScenario(kit: NestKit): void {
  const { Injectable, Scope } = kit.common;
  const { Test } = kit.testing;
  const { OnSmsReceipts, SmsModule, SmsPushReceiver } = kit.sms;

  const API_KEY = 'push-unit-api-key';
  const push = (msgId: string) => ({ apiKey: API_KEY, data: [{ msgId, tel: '13800138000', arriveResult: 'DELIVRD', arriveTime: '2104091735' }] });
  const incoming = (msgId: string) => ({ kind: 'receipts' as const, body: push(msgId), sourceIp: '127.0.0.1', requestId: `r-${msgId}` });

  async function receiverWith(providers: (new (...args: never[]) => unknown)[], options: Partial<SmsPushOptions> = {}) {
    const failures: { error: unknown; failure: PushFailure }[] = [];
    const moduleRef = await Test.createTestingModule({
      imports: [SmsModule.forRoot({ push: { apiKeys: API_KEY, onError: (error, failure) => void failures.push({ error, failure }), ...options } })],
      providers,
    }).compile();
    await moduleRef.init();
    return { receiver: moduleRef.get(SmsPushReceiver), failures, moduleRef };
  }

  describe(`SmsPushReceiver: handler discovery (Nest ${kit.major})`, () => {
    it('finds marked methods on any provider and runs every one of them', async () => {
      const seen: string[] = [];
      @Injectable()
      class Ledger {
        @OnSmsReceipts()
        record(receipts: Receipt[]) {
          seen.push(`ledger:${receipts[0]?.msgId}`);
        }
      }
      @Injectable()
      class Metrics {
        @OnSmsReceipts()
        count(receipts: Receipt[]) {
          seen.push(`metrics:${receipts.length}`);
        }
      }
      const { receiver, moduleRef } = await receiverWith([Ledger, Metrics]);
      expect(receiver.handlerNames('receipts').sort()).toEqual(['Ledger.record', 'Metrics.count']);
      expect(receiver.handlerNames('replies')).toEqual([]);
      expect(await receiver.receive(incoming('m1'))).toEqual({ status: 200, body: { code: 200, message: 'OK', requestId: 'r-m1' } });
      await receiver.idle();
      expect(seen.sort()).toEqual(['ledger:m1', 'metrics:1']);
      await moduleRef.close();
    });

    it('still runs the other handlers when one fails, and reports the failure with the items', async () => {
      const seen: string[] = [];
      @Injectable()
      class Broken {
        @OnSmsReceipts()
        fail(): never {
          throw new Error('broken handler');
        }
      }
      @Injectable()
      class Working {
        @OnSmsReceipts()
        record(receipts: Receipt[]) {
          seen.push(receipts[0]?.msgId ?? '');
        }
      }
      const { receiver, failures, moduleRef } = await receiverWith([Broken, Working]);
      await receiver.receive(incoming('m2'));
      await receiver.idle();
      expect(seen).toEqual(['m2']);
      expect(failures).toHaveLength(1);
      expect(failures[0]?.error).toMatchObject({ message: 'broken handler' });
      expect(failures[0]?.failure.items).toMatchObject([{ msgId: 'm2' }]);
      await moduleRef.close();
    });

    it('reports pushes nobody handles instead of dropping them in silence', async () => {
      const { receiver, failures, moduleRef } = await receiverWith([]);
      await receiver.receive(incoming('m3'));
      await receiver.idle();
      expect(failures).toHaveLength(1);
      expect(failures[0]?.error).toMatchObject({ message: expect.stringMatching(/No @OnSmsReceipts\(\) handler is registered/) });
      expect(failures[0]?.failure.items).toMatchObject([{ msgId: 'm3' }]);
      await moduleRef.close();
    });

    it('ignores handlers on request-scoped providers (there is no request around a push)', async () => {
      @Injectable({ scope: Scope.REQUEST })
      class PerRequest {
        @OnSmsReceipts()
        record() {}
      }
      const { receiver, moduleRef } = await receiverWith([PerRequest]);
      expect(receiver.handlerNames('receipts')).toEqual([]);
      await moduleRef.close();
    });

    it('waits for queued handlers when the application shuts down', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const done: string[] = [];
      @Injectable()
      class Slow {
        @OnSmsReceipts()
        async record(receipts: Receipt[]) {
          await held;
          done.push(receipts[0]?.msgId ?? '');
        }
      }
      const { receiver, moduleRef } = await receiverWith([Slow]);
      await receiver.receive(incoming('m4'));
      const closing = moduleRef.close();
      release();
      await closing;
      expect(done).toEqual(['m4']);
    });

    it('throws a clear error when the module has no push section', async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({})] }).compile();
      const receiver = moduleRef.get(SmsPushReceiver);
      expect(receiver.configured).toBe(false);
      expect(() => receiver.receive(incoming('m5'))).toThrow(/add a `push` section/);
      await moduleRef.close();
    });

    it('refuses an empty apiKey list at start-up', async () => {
      await expect(Test.createTestingModule({ imports: [SmsModule.forRoot({ push: { apiKeys: [] } })] }).compile()).rejects.toThrow(/apiKeys/);
    });
  });
}
