/*
 * The channel seam: what a provider (infocloud, Aliyun, Tencent, …) implements so that the
 * router can send through it, retry it, fail over from it and reconcile it by receipts.
 * Types only: no code runs when this file is imported.
 */
import type { SmsError } from '../errors.js';

/**
 * How a failure bears on what the router does next. Every failure a channel reports is
 * exactly one of these:
 *
 * - `retry`: this channel did not take the request (busy, throttled, refused before the
 *   write). Trying the same channel again after a backoff cannot send a message twice.
 * - `failover`: this channel cannot serve now (balance, account, auth or configuration, the
 *   template not approved here, the provider down or its breaker open). Another channel may.
 * - `stop`: the request or the recipient is the problem (bad number, a per-number limit,
 *   content or keyword rejected, blacklisted) and would be on every channel. Sending it
 *   elsewhere would undo the platform's protection (for example its anti-bombing limit).
 * - `unknown`: the request was written and no answer came. It may have been sent: never
 *   retried, never failed over; reconciled later by receipts through its idempotency key.
 */
export type FailureClass = 'retry' | 'failover' | 'stop' | 'unknown';

/**
 * What kind of number a normalised recipient is. Mainland numbers are 11 digits
 * (`13800138000`); international numbers are E.164 with a leading `+` (`+447700900123`).
 * A mainland number is never written `+86…` once normalised.
 */
export type NumberKind = 'mainland' | 'international';

/** What a channel can send, so the router never hands it a number or a request it cannot serve. */
export interface ChannelCapabilities {
  /**
   * Which numbers it serves: `mainland` — mainland mobile numbers only (infocloud);
   * `international` — any E.164 number, mainland included (Tencent, Aliyun's international
   * endpoint).
   */
  readonly numbers: 'mainland' | 'international';
  /** The most numbers one {@link SmsChannel.send} request takes (infocloud 1000, Aliyun 1000, Tencent 200). */
  readonly maxNumbersPerSend: number;
  /** The most messages one {@link SmsChannel.sendBatch} request takes (infocloud 1000, Aliyun 100, Tencent 200). */
  readonly maxMessagesPerBatch: number;
  /** Whether delivery receipts can be pulled ({@link SmsChannel.pullReceipts}) and whether the provider pushes them. */
  readonly receipts: { readonly pull: boolean; readonly push: boolean };
}

/**
 * Named values for a template, as callers pass them (`{ code: '123456', minutes: '5' }`).
 * Each channel's template fields say how they become that channel's parameters: infocloud
 * positional values, Aliyun a named JSON object, Tencent an ordered string array.
 */
export type TemplateValues = Readonly<Record<string, string>>;

/**
 * One channel's fields for a logical template, as written in the config file's `templates`
 * section under that channel's name: plain JSON data whose shape the channel's provider
 * defines and checks (for example infocloud `{ "templateCode": "100001", "params": ["code"] }`,
 * Aliyun `{ "templateCode": "SMS_1", "signName": "…" }`, Tencent
 * `{ "templateId": "1", "signName": "…", "params": ["code"] }`).
 */
export type ChannelTemplateFields = Readonly<Record<string, unknown>>;

/**
 * A logical template: one name (`verification`, say) that maps, per channel name, to that
 * channel's own template fields. A channel without an entry cannot send it (the router
 * passes it over with `failover`).
 */
export interface LogicalTemplate {
  /** The logical name callers use. */
  readonly name: string;
  /** Channel name → that channel's template fields. */
  readonly channels: Readonly<Record<string, ChannelTemplateFields>>;
}

/** A failure a channel reports: its class for the router, and the typed error that explains it. */
export interface ChannelFailure {
  /** What the router does about it. */
  readonly failure: FailureClass;
  /** What went wrong, with the provider's code and a hint. */
  readonly error: SmsError;
  /** The provider's own code (`"60001"`, `"isv.BUSINESS_LIMIT_CONTROL"`, `"LimitExceeded.PhoneNumberDailyLimit"`). */
  readonly code?: string;
}

/** What {@link SmsChannel.checkTemplate} is given. */
export interface TemplateCheckInput {
  /** This channel's fields for the template. */
  readonly fields: ChannelTemplateFields;
  /** The values to check against them; left out to check only the fields themselves. */
  readonly values?: TemplateValues;
}

/** What the router asks every send request to carry. */
export interface ChannelRequestBase {
  /** This channel's fields for the logical template being sent. */
  readonly template: ChannelTemplateFields;
  /**
   * A key the router made for this request, that the provider echoes in its receipts
   * (infocloud `bid`, Aliyun `OutId`, Tencent `SessionContext`): an `unknown` outcome is
   * reconciled through it. At most 64 characters of `[A-Za-z0-9_-]`.
   */
  readonly idempotencyKey: string;
}

/** One content to many numbers. */
export interface ChannelSendInput extends ChannelRequestBase {
  /** Normalised numbers (see {@link NumberKind}), all of one kind, at most `maxNumbersPerSend`, no repeats. */
  readonly numbers: readonly string[];
  /** The named values; empty for a template without variables. */
  readonly values: TemplateValues;
}

/** One message of a {@link ChannelBatchInput}. */
export interface ChannelBatchMessage {
  /** A normalised number. */
  readonly number: string;
  /** Its own named values. */
  readonly values: TemplateValues;
}

/** Different values per number. */
export interface ChannelBatchInput extends ChannelRequestBase {
  /** The messages, all numbers of one kind, at most `maxMessagesPerBatch`, no number twice. */
  readonly messages: readonly ChannelBatchMessage[];
}

/** How one number of a request ended on one channel. */
export type NumberStatus = 'sent' | 'failed' | 'unknown';

/** One number's outcome of a request to a channel. */
export interface NumberOutcome {
  /** The number, exactly as the router passed it. */
  readonly number: string;
  /** `sent`: the provider took it; `failed`: surely not sent; `unknown`: written, no answer. */
  readonly status: NumberStatus;
  /** For `failed`: `retry`, `failover` or `stop`; for `unknown`: `unknown`; absent when `sent`. */
  readonly failure?: FailureClass;
  /** The provider's message id (infocloud msgId, Aliyun BizId, Tencent SerialNo), when it gave one. */
  readonly messageId?: string;
  /** The provider's own code for this number (its success code included, when it gives one per number). */
  readonly code?: string;
  /** Why it failed or is unknown. */
  readonly error?: SmsError;
  /** The provider's request id, when known. */
  readonly requestId?: string;
}

/**
 * What a channel's send or sendBatch resolves with: one outcome per number it was given, in
 * the same order. A channel does not throw for a failure of the send itself; it reports each
 * number's class. (If it throws anyway, the router counts every number of the request as
 * `unknown`, the only safe reading.)
 */
export interface ChannelSendResult {
  /** Every number of the request, in input order. */
  readonly outcomes: readonly NumberOutcome[];
}

/** The state of a normalised receipt: delivered to the handset, failed for good, or not final yet. */
export type ReceiptState = 'delivered' | 'failed' | 'pending';

/** A delivery receipt from any provider, pulled or pushed, keyed by (channel, messageId, number). */
export interface ChannelReceipt {
  /** The channel's name. */
  readonly channel: string;
  /** The provider's message id. */
  readonly messageId: string;
  /** The recipient, normalised as the router sends it. */
  readonly number: string;
  /** The normalised state. */
  readonly state: ReceiptState;
  /** The provider's own state (`DELIVRD`, `SUCCESS`, `3`, …). */
  readonly providerState: string;
  /** The provider's error code, when it gave one. */
  readonly providerCode?: string;
  /** The idempotency key the send carried, when the provider echoes it. */
  readonly idempotencyKey?: string;
  /** When the provider says the state was reached, when it says. */
  readonly at?: Date;
}

/** One sent message to ask the provider about. */
export interface ReceiptQuery {
  /** The number it went to. */
  readonly number: string;
  /** The provider's message id, when the send answered one. */
  readonly messageId?: string;
  /** The idempotency key it carried (the only handle on an `unknown` send). */
  readonly idempotencyKey?: string;
  /** When it was sent (Aliyun's query needs the day). */
  readonly sentAt?: Date;
}

/** What {@link SmsChannel.pullReceipts} is given; a channel uses what its provider needs. */
export interface ReceiptPullInput {
  /** The messages to ask about; left out to pull whatever the provider has pending. */
  readonly messages?: readonly ReceiptQuery[];
}

/** One balance a provider reports (infocloud keeps several, one per kind of message). */
export interface ChannelBalanceEntry {
  /** What it counts, in the provider's words. */
  readonly kind: string;
  /** How much is left. */
  readonly remaining: number;
}

/** Whether a channel's provider answers, for `smskit channels`. */
export interface ChannelHealth {
  /** True when the provider answered and said it is well. */
  readonly up: boolean;
  /** What it said, or why no answer came, in a sentence with no secret in it. */
  readonly detail?: string;
}

/**
 * A provider as a channel. `@smskit/core` ships infocloud's; `@smskit/aliyun` and
 * `@smskit/tencent` implement it for theirs. The router calls it; users rarely do.
 */
export interface SmsChannel {
  /** The channel's name, unique among a router's channels (the config file's `name`). */
  readonly name: string;
  /** Which provider it speaks (`infocloud`, `aliyun`, `tencent`, …). */
  readonly provider: string;
  /** What it can send. */
  readonly capabilities: ChannelCapabilities;
  /**
   * Checks this channel's template fields and, when given, the values against them, locally:
   * nothing is sent. Returns the failure (`failover` when the fields are wrong or missing for
   * this channel, `stop` when the values are, since no channel could send them right) or
   * `undefined` when all is well.
   */
  checkTemplate(input: TemplateCheckInput): ChannelFailure | undefined;
  /** Sends one content to many numbers; never rejects for a failure of the send (see {@link ChannelSendResult}). */
  send(input: ChannelSendInput): Promise<ChannelSendResult>;
  /** Sends different values per number; never rejects for a failure of the send. */
  sendBatch(input: ChannelBatchInput): Promise<ChannelSendResult>;
  /** Pulls delivery receipts, when the provider has them (`capabilities.receipts.pull`). */
  pullReceipts?(input: ReceiptPullInput): Promise<ChannelReceipt[]>;
  /** The account's balances, when the provider reports them. */
  balance?(): Promise<ChannelBalanceEntry[]>;
  /** Whether the provider is reachable and well. */
  health?(): Promise<ChannelHealth>;
  /** Releases connections and timers; the channel sends nothing afterwards. */
  close(): Promise<void>;
}

/** What a {@link ChannelProvider} builds a channel from: one entry of the config file's `channels`. */
export interface ChannelFactoryInput {
  /** The channel's name. */
  readonly name: string;
  /**
   * The entry's other fields (everything but `name` and `provider`), with every
   * `{ "env": "VAR" }` already replaced by the variable's value.
   */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Where the entry is in the file (`channels[1]`), for errors: prefix it to a field's name. */
  readonly path: string;
}

/**
 * How a provider package lets the config file build its channels, without core importing it:
 * `@smskit/aliyun` exports one of these, and the CLI passes it to `parseChannelsConfig`.
 */
export interface ChannelProvider {
  /** The `provider` value it answers to in the config file (`aliyun`). */
  readonly provider: string;
  /**
   * Checks an entry's fields and builds the channel. Must not send or connect. Throws a
   * `ChannelConfigError` naming the path of the first field that is wrong.
   */
  create(input: ChannelFactoryInput): SmsChannel;
  /**
   * Checks one template entry for this provider's channels (`templates.verification.ali`),
   * without values. Throws a `ChannelConfigError` naming the path. Left out: the channel's
   * own {@link SmsChannel.checkTemplate} is used.
   */
  checkTemplateFields?(input: { readonly fields: ChannelTemplateFields; readonly path: string }): void;
}
