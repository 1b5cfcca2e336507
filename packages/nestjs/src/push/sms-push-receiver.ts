import { Inject, Injectable, Logger } from '@nestjs/common';
import { PushInbox, type IncomingPush, type PushAnswer, type PushFailure, type PushInfo, type PushKind } from '@smskit/core';
import { SMS_MODULE_OPTIONS } from '../sms.constants.js';
import type { SmsModuleOptions } from '../sms-module-options.js';

/** A method marked {@link OnSmsReceipts} or {@link OnSmsReplies}, bound to its instance. */
export interface SmsPushHandler {
  /** Which pushes it takes. */
  kind: PushKind;
  /** `Class.method`, for logs. */
  name: string;
  /**
   * The bound method: given the platform's `Receipt`s or `Reply`s, or what the configured
   * dialect reads (`ChannelReceipt`s from Aliyun's or Tencent's receipt pushes).
   */
  handle(items: unknown[], info: PushInfo): unknown;
}

const DECORATOR: Record<PushKind, string> = { receipts: '@OnSmsReceipts()', replies: '@OnSmsReplies()' };

/**
 * Receives pushes — the platform's, or a provider's through `push.dialect` — with core's
 * `PushInbox` (authenticated, de-duplicated, answered at once in the provider's shape, handled
 * afterwards from a bounded queue) and hands them to every method marked
 * {@link OnSmsReceipts} or {@link OnSmsReplies}. The controller mounted with `pushPath` uses
 * it; call {@link SmsPushReceiver.receive} from a controller of your own to choose the routes.
 */
@Injectable()
export class SmsPushReceiver {
  private readonly logger = new Logger('SmsPushReceiver');
  private readonly handlers: SmsPushHandler[] = [];
  private readonly inbox: PushInbox<unknown, unknown> | undefined;

  constructor(@Inject(SMS_MODULE_OPTIONS) options: SmsModuleOptions) {
    const push = options.push;
    this.inbox = push && new PushInbox<unknown, unknown>({
      ...push,
      onReceipts: (receipts, info) => this.dispatch(receipts, info),
      onReplies: (replies, info) => this.dispatch(replies, info),
      onError: push.onError ?? ((error, failure) => this.logFailure(error, failure)),
    });
  }

  /** Whether the module has a `push` section. */
  get configured(): boolean {
    return this.inbox !== undefined;
  }

  /** Whether push URLs end in a secret token segment (`push.pathToken`). */
  get expectsPathToken(): boolean {
    return this.inbox?.expectsPathToken ?? false;
  }

  /** Adds a handler (the explorer adds the marked methods at start-up). */
  addHandler(handler: SmsPushHandler): void {
    this.handlers.push(handler);
  }

  /** The names (`Class.method`) of the handlers of one kind. */
  handlerNames(kind: PushKind): string[] {
    return this.handlers.filter((handler) => handler.kind === kind).map((handler) => handler.name);
  }

  /**
   * Checks, de-duplicates and queues one push, and resolves what to answer (status and the
   * dialect's body — the platform's `{code, message, requestId}` by default): 200 at once for an
   * accepted push, whatever the handlers later do.
   *
   * @throws Error when the module has no `push` section.
   */
  receive(push: IncomingPush): Promise<PushAnswer> {
    if (!this.inbox) {
      throw new Error('smskit: SmsPushReceiver is not configured — add a `push` section to SmsModule.forRoot() options (for example push: { apiKeys: process.env.SMS_API_KEY }).');
    }
    return this.inbox.accept(push);
  }

  /**
   * A refusal in the dialect's answer shape, for failures before {@link SmsPushReceiver.receive}
   * (a body too large or not JSON). `status` defaults to the catalogue's for the code.
   *
   * @throws Error when the module has no `push` section.
   */
  refusal(refusal: { code: number; message: string; requestId: string; status?: number }): PushAnswer {
    if (!this.inbox) throw new Error('smskit: SmsPushReceiver is not configured — add a `push` section to SmsModule.forRoot() options.');
    return this.inbox.refusal(refusal);
  }

  /** Resolves once every accepted push has been handled (the module waits for it on shutdown). */
  idle(): Promise<void> {
    return this.inbox?.idle() ?? Promise.resolve();
  }

  /** Pushes accepted but not yet handled. */
  get pending(): number {
    return this.inbox?.pending ?? 0;
  }

  /**
   * Runs every handler of the push's kind, each even when another failed; their errors go on
   * together, so the inbox reports them with the items. With no handler at all, that is an
   * error too: the items are reported rather than dropped in silence.
   */
  private async dispatch(items: unknown[], info: PushInfo): Promise<void> {
    const handlers = this.handlers.filter((handler) => handler.kind === info.kind);
    if (handlers.length === 0) throw new Error(`No ${DECORATOR[info.kind]} handler is registered, so ${items.length} pushed ${info.kind} went unhandled.`);
    const errors: unknown[] = [];
    for (const handler of handlers) {
      try {
        await handler.handle(items, info);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} ${info.kind} push handlers failed.`);
  }

  private logFailure(error: unknown, failure: PushFailure<unknown, unknown>): void {
    const stack = error instanceof Error ? error.stack : String(error);
    this.logger.error(`The ${failure.kind} push handler failed for ${failure.items.length} item(s) (requestId ${failure.info.requestId}); pass push.onError to keep them.`, stack);
  }
}
