import { randomUUID } from 'node:crypto';
import {
  ipAllowed,
  maskPhone,
  MemoryCodeStore,
  MemoryLimitStore,
  MemorySendLog,
  normalizePhone,
  SmsError,
  toSmsError,
  type CodeCheck,
  type CodePut,
  type SendLogRecord,
} from '@smskit/core';
import { CalendarDays } from './calendar.js';
import { CodeHasher, generateCode } from './code.js';
import { dispatchToRouter, dispatchToSender, routeTemplate, type Dispatched } from './dispatch.js';
import { DAILY_VOLUME, limitChecks, resolveLimits, type OtpLimitName, type ResolvedLimits } from './limits.js';
import type { DailyVolumeAlert, OtpMessage, OtpRequest, OtpServiceOptions, OtpStores, OtpVerifyRequest } from './options.js';
import { codeScrubber, invalid, senderText, unavailable, verifyResultOf, withoutCode } from './failures.js';
import type { OtpRequestResult, OtpVerifyResult } from './results.js';
import { callStore, type StoreOutcome } from './store-call.js';
import { ipCountingKey, isSceneName } from './subject.js';

const MAX_TYPED_CODE = 64;
/** How long `failMode: 'open'` keeps to the in-process stores before trying the shared one again. */
const PRIMARY_RETRY_MS = 1000;

/** What one request is, once checked, for the log and the later steps. */
interface RequestSubject {
  id: string;
  phone: string;
  scene: string;
  templateCode: string | undefined;
  ip: string | undefined;
  time: number;
}

/**
 * Verification codes that cannot be abused for SMS bombing. `request` checks the input, the
 * allow and deny lists and the human check, then passes every limit or none in one atomic store
 * step, stores the code's keyed hash and sends it; `verify` compares in constant time and uses
 * the code up or counts the wrong try, atomically. Neither ever throws: every outcome is a typed
 * result. The code itself appears only in the message handed to the sender.
 */
export class OtpService {
  private readonly dispatch: (message: OtpMessage) => Promise<Dispatched>;
  private readonly hasher: CodeHasher;
  private readonly stores: OtpStores;
  private readonly fallback: OtpStores | undefined;
  private fallbackUsed = false;
  /** With `failMode: 'open'`: until when the shared store is skipped after it failed. */
  private primaryDownUntil = Number.NEGATIVE_INFINITY;
  private readonly limits: ResolvedLimits;
  private readonly calendar: CalendarDays;
  private readonly now: () => number;
  private readonly options: OtpServiceOptions;
  private readonly codeLength: number;
  private readonly ttlMs: number;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly requireIp: boolean;
  private readonly allowPhones: ReadonlySet<string>;
  private readonly denyPhones: ReadonlySet<string>;
  private readonly normalizePhone: (input: string) => string | undefined;

  constructor(options: OtpServiceOptions) {
    this.options = options;
    this.dispatch = dispatcher(options);
    this.hasher = new CodeHasher(options.secret);
    this.limits = resolveLimits(options.limits);
    this.calendar = new CalendarDays(options.timeZone ?? 'Asia/Shanghai');
    this.now = options.now ?? Date.now;
    this.codeLength = wholeNumber('codeLength', options.codeLength ?? 6, 4);
    this.ttlMs = wholeNumber('ttlMs', options.ttlMs ?? 300_000, 1000);
    this.maxAttempts = wholeNumber('maxAttempts', options.maxAttempts ?? 5, 1);
    this.timeoutMs = wholeNumber('storeTimeoutMs', options.storeTimeoutMs ?? 2000, 1);
    if (options.alphabet !== undefined && new Set(options.alphabet).size < 2) throw new RangeError('alphabet needs at least 2 distinct characters.');
    if (options.alert) wholeNumber('alert.threshold', options.alert.threshold, 1);
    this.requireIp = options.requireIp ?? this.limits.ipHourly !== undefined;
    this.normalizePhone = options.normalizePhone ?? normalizePhone;
    const normalized = (list: readonly string[] = []) => new Set(list.map((phone) => this.normalizePhone(phone) ?? phone));
    this.allowPhones = normalized(options.allowPhones);
    this.denyPhones = normalized(options.denyPhones);
    const memory = (): OtpStores => ({ limits: new MemoryLimitStore(), codes: new MemoryCodeStore(), sendLog: new MemorySendLog() });
    const defaults = memory();
    this.stores = {
      limits: options.stores?.limits ?? defaults.limits,
      codes: options.stores?.codes ?? defaults.codes,
      sendLog: options.stores?.sendLog ?? defaults.sendLog,
    };
    this.fallback = options.failMode === 'open' ? memory() : undefined;
  }

  /** Sends a code to `phone` for `scene`, if every check and limit allows. Never throws. */
  async request(input: OtpRequest): Promise<OtpRequestResult> {
    try {
      return await this.requestChecked(input);
    } catch (error) {
      return unavailable(toSmsError(error));
    }
  }

  /** Checks a code typed by the user: right once, wrong at most `maxAttempts` times. Never throws. */
  async verify(input: OtpVerifyRequest): Promise<OtpVerifyResult> {
    try {
      return await this.verifyChecked(input);
    } catch (error) {
      return unavailable(toSmsError(error));
    }
  }

  private async requestChecked(input: OtpRequest): Promise<OtpRequestResult> {
    const now = this.now();
    const phone = typeof input.phone === 'string' ? this.normalizePhone(input.phone) : undefined;
    if (phone === undefined) return invalid('phone', 'phone is not a valid mobile number.');
    if (typeof input.scene !== 'string' || !isSceneName(input.scene)) return invalid('scene', 'scene must be 1–64 of A–Z a–z 0–9 _ . -');
    const scene = input.scene;
    const ip = typeof input.ip === 'string' && input.ip !== '' ? input.ip : undefined;
    const ipKey = ip === undefined ? undefined : ipCountingKey(ip);
    if (ip !== undefined && ipKey === undefined) return invalid('ip', 'ip is not an IP address.');
    if (ip === undefined && this.requireIp) {
      return invalid('ip', 'ip is required while the per-IP limit is on: pass the client address, or set requireIp: false.');
    }
    const subject: RequestSubject = { id: randomUUID(), phone, scene, templateCode: this.templateFor(scene), ip, time: now };

    if (this.denyPhones.has(phone)) return this.blocked(subject, { ok: false, reason: 'denied', list: 'phone', message: 'This number is on the deny list.' });
    if (ip !== undefined && this.options.denyIps?.length && ipAllowed(ip, this.options.denyIps)) {
      return this.blocked(subject, { ok: false, reason: 'denied', list: 'ip', message: 'This IP address is on the deny list.' });
    }
    if (!(await this.passesHumanCheck({ phone, scene, ip, proof: input.human }))) {
      return this.blocked(subject, { ok: false, reason: 'human-check', message: 'The human check (captcha) did not pass.' });
    }

    const day = this.calendar.dayOf(now);
    const ipExempt = ip !== undefined && this.options.allowIps?.length ? ipAllowed(ip, this.options.allowIps) : false;
    const checks = limitChecks({
      limits: this.limits,
      subject: { phone, scene, content: subject.templateCode ?? scene, ipKey: ipExempt ? undefined : ipKey, phoneExempt: this.allowPhones.has(phone) },
      day,
      countVolume: this.options.alert !== undefined,
    });
    // The code is drawn before the limits are known so that a store offering consumeAndPut
    // can count and keep it in one round trip; a refused request wastes only a HMAC.
    const code = generateCode({ length: this.codeLength, alphabet: this.options.alphabet });
    const put: CodePut = {
      key: codeKey(subject),
      id: subject.id,
      hash: this.hasher.hash({ scene, phone, code }),
      expiresAt: now + this.ttlMs,
      now,
    };
    const consume = { id: subject.id, now, checks, notAfter: this.storeDeadline() };
    const decision = await this.storeCall('limits.consume', async (stores) => {
      const fused = stores.codes.consumeAndPut?.({ limits: stores.limits, consume, code: put });
      return fused ? { granted: await fused, stored: true } : { granted: await stores.limits.consume(consume), stored: false };
    });
    if (!decision.ok) {
      if (this.stores.codes.consumeAndPut) this.withdraw(put);
      return this.blocked(subject, unavailable(decision.error));
    }
    const granted = decision.value.granted;
    if (!granted.ok) {
      const refusals = granted.refusals;
      const longest = refusals.reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a));
      const retryAfterMs = Math.max(0, longest.retryAfterMs);
      return this.blocked(subject, {
        ok: false,
        reason: 'limit',
        limit: longest.name as OtpLimitName,
        retryAfterMs,
        limits: refusals.map((refusal) => refusal.name as OtpLimitName),
        message: `Too many codes (limit ${longest.name}); try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
      });
    }
    const volumeIndex = checks.findIndex((check) => check.name === DAILY_VOLUME);
    if (volumeIndex >= 0) this.maybeAlert({ day: day.key, count: granted.counts[volumeIndex] ?? 0 });

    if (!decision.value.stored) {
      const stored = await this.storeCall('codes.put', (stores) => stores.codes.put(put));
      if (!stored.ok) {
        this.withdraw(put);
        return this.blocked(subject, unavailable(stored.error));
      }
    }
    return this.deliver({ subject, code, put });
  }

  /** Sends the stored code, and withdraws it if the send fails. */
  private async deliver(input: { subject: RequestSubject; code: string; put: CodePut }): Promise<OtpRequestResult> {
    const { subject, code, put } = input;
    const sent = await this.dispatch({ id: subject.id, phone: subject.phone, code, scene: subject.scene, templateCode: subject.templateCode, ttlMinutes: Math.ceil(this.ttlMs / 60_000) });
    const where = { channel: sent.channel, passedOver: sent.passedOver };
    if (sent.outcome !== 'sent') {
      // The limits stay consumed: refunding them would let failing sends be retried without
      // bound. A code that surely reached nobody must not stay valid; one whose send may have
      // gone out (the client's or a channel's "unknown") stays, or a message that does arrive
      // holds a dead code.
      const { outcome } = sent;
      const error = withoutCode(sent.thrown, code);
      if (outcome === 'failed') await this.storeCall('codes.discard', (stores) => stores.codes.discard({ key: put.key, id: put.id }));
      await this.log(subject, { result: 'failed', remark: `${outcome === 'unknown' ? 'outcome unknown: ' : ''}${error.code} ${error.message}`, ...where });
      const message = outcome === 'unknown' ? `The code may or may not have been sent: ${error.message}` : `The code could not be sent: ${error.message}`;
      return { ok: false, reason: 'send-failed', outcome, error, ...(sent.channel === undefined ? {} : { channel: sent.channel }), message };
    }
    // What the sender returns is its own text: it may quote the message, and so the code.
    const scrub = codeScrubber(code);
    const msgId = senderText(sent.receipt?.msgId, scrub);
    await this.log(subject, { result: 'sent', msgId, remark: senderText(sent.receipt?.remark, scrub), ...where });
    return { ok: true, id: subject.id, expiresAt: put.expiresAt, ...(msgId === undefined ? {} : { msgId }), ...(sent.channel === undefined ? {} : { channel: sent.channel }) };
  }

  /**
   * Best-effort removal of a code whose store call failed or timed out: such a call may still
   * land later, and a code that was never sent must not wait to be guessed.
   */
  private withdraw(put: CodePut): void {
    void this.storeCall('codes.discard', (stores) => stores.codes.discard({ key: put.key, id: put.id }));
  }

  private async verifyChecked(input: OtpVerifyRequest): Promise<OtpVerifyResult> {
    const phone = typeof input.phone === 'string' ? this.normalizePhone(input.phone) : undefined;
    if (phone === undefined) return invalid('phone', 'phone is not a valid mobile number.');
    if (typeof input.scene !== 'string' || !isSceneName(input.scene)) return invalid('scene', 'scene must be 1–64 of A–Z a–z 0–9 _ . -');
    const typed = typeof input.code === 'string' ? input.code.trim() : '';
    if (typed === '' || typed.length > MAX_TYPED_CODE) return invalid('code', `code must be 1–${MAX_TYPED_CODE} characters.`);
    const attempt = {
      key: codeKey({ phone, scene: input.scene }),
      hash: this.hasher.hash({ scene: input.scene, phone, code: typed }),
      now: this.now(),
      maxAttempts: this.maxAttempts,
      notAfter: this.storeDeadline(),
    };
    let outcome: StoreOutcome<CodeCheck> = await callStore({ operation: 'codes.check', timeoutMs: this.timeoutMs, call: () => this.stores.codes.check(attempt) });
    const fallback = this.fallback;
    if (fallback && this.fallbackUsed && (!outcome.ok || outcome.value.status === 'missing')) {
      if (!outcome.ok) this.report(outcome.error, 'codes.check (failing open)');
      const local = await callStore({ operation: 'codes.check', timeoutMs: this.timeoutMs, call: () => fallback.codes.check(attempt) });
      // "missing" locally says nothing while the shared store is down: the code may be there.
      if (outcome.ok || (local.ok && local.value.status !== 'missing')) outcome = local;
    }
    if (!outcome.ok) return unavailable(outcome.error);
    return verifyResultOf(outcome.value);
  }

  /**
   * Until when a store may still apply a call begun now: the end of the wait, less a margin for
   * the answer's way back and for clock skew between this host and the store. Past it the
   * caller has been told "unavailable", so the call must change nothing. Wall-clock time, not
   * the `now` option: the store compares it with its own clock.
   */
  private storeDeadline(): number {
    return Date.now() + this.timeoutMs - Math.min(500, Math.floor(this.timeoutMs / 4));
  }

  private templateFor(scene: string): string | undefined {
    if (this.options.route) return routeTemplate(this.options.route, scene);
    const template = this.options.templateCode;
    return typeof template === 'function' ? template(scene) : template;
  }

  private async passesHumanCheck(input: Parameters<NonNullable<OtpServiceOptions['humanCheck']>>[0]): Promise<boolean> {
    const check = this.options.humanCheck;
    if (!check) return true;
    try {
      return (await check(input)) === true;
    } catch (error) {
      this.report(toSmsError(error), 'humanCheck');
      return false;
    }
  }

  /**
   * Runs a store call. With `failMode: 'open'`, a failed call is run again on the in-process
   * stores, and for the next second calls go there directly: during an outage each request
   * would otherwise wait out a timeout at every step.
   */
  private async storeCall<T>(operation: string, call: (stores: OtpStores) => Promise<T>): Promise<StoreOutcome<T>> {
    const fallback = this.fallback;
    if (fallback && this.now() < this.primaryDownUntil) return callStore({ operation, timeoutMs: this.timeoutMs, call: () => call(fallback) });
    const outcome = await callStore({ operation, timeoutMs: this.timeoutMs, call: () => call(this.stores) });
    if (outcome.ok || !fallback) return outcome;
    this.report(outcome.error, `${operation} (failing open)`);
    this.fallbackUsed = true;
    this.primaryDownUntil = this.now() + PRIMARY_RETRY_MS;
    return callStore({ operation, timeoutMs: this.timeoutMs, call: () => call(fallback) });
  }

  /** Logs a request stopped before sending (when `logBlocked` is on) and returns its answer. */
  private async blocked<R extends Exclude<OtpRequestResult, { ok: true }>>(subject: RequestSubject, result: R): Promise<R> {
    // An unavailable store most likely holds the log too; waiting on it again would only slow the refusal.
    if (this.options.logBlocked !== false && result.reason !== 'unavailable') {
      const remark = result.reason === 'limit' ? `limit ${result.limit}` : result.reason === 'denied' ? `deny list (${result.list})` : result.reason;
      await this.log(subject, { result: 'blocked', remark });
    }
    return result;
  }

  private async log(subject: RequestSubject, entry: Pick<SendLogRecord, 'result' | 'remark' | 'msgId'> & { channel?: string; passedOver?: Dispatched['passedOver'] }): Promise<void> {
    const record: SendLogRecord = {
      id: subject.id,
      type: 'verification',
      channel: entry.channel ?? this.options.channel ?? 'default',
      phone: (this.options.maskPhone ?? maskPhone)(subject.phone),
      scene: subject.scene,
      time: subject.time,
      result: entry.result,
    };
    if (subject.templateCode !== undefined) record.templateCode = subject.templateCode;
    if (entry.remark !== undefined) record.remark = entry.remark;
    if (entry.msgId !== undefined) record.msgId = entry.msgId;
    if (subject.ip !== undefined) record.ip = subject.ip;
    if (entry.passedOver?.length) record.passedOver = entry.passedOver.map((p) => (p.code === undefined ? { channel: p.channel, reason: p.reason } : { channel: p.channel, reason: p.reason, code: p.code }));
    const appended = await this.storeCall('sendLog.append', (stores) => stores.sendLog.append(record));
    if (!appended.ok) this.report(appended.error, 'sendLog.append');
  }

  private maybeAlert(at: { day: string; count: number }): void {
    const alert = this.options.alert;
    if (!alert || at.count !== alert.threshold) return;
    const event: DailyVolumeAlert = { day: at.day, timeZone: this.calendar.timeZone, count: at.count, threshold: alert.threshold };
    // Not awaited: a slow webhook must not hold up the code.
    Promise.resolve()
      .then(() => alert.notify(event))
      .catch((error: unknown) => this.report(toSmsError(error), 'alert.notify'));
  }

  private report(error: SmsError, operation: string): void {
    try {
      this.options.onError?.(error, { operation });
    } catch {
      // A failing error hook must not turn into a failed request.
    }
  }
}

/** Exactly one of `send` and `route`, as one dispatch function. */
function dispatcher(options: OtpServiceOptions): (message: OtpMessage) => Promise<Dispatched> {
  const { send, route } = options;
  if (send !== undefined && route !== undefined) throw new TypeError('OtpService takes `send` or `route`, not both.');
  if (route !== undefined) {
    if (typeof route.router?.send !== 'function') throw new TypeError('OtpService `route.router` must be a ChannelRouter (something with `send`).');
    return (message) => dispatchToRouter(route, { ...message, templateCode: routeTemplate(route, message.scene) });
  }
  if (typeof send !== 'function') throw new TypeError('OtpService needs a `send` function that sends one code, or a `route` through a ChannelRouter.');
  return (message) => dispatchToSender(send, message);
}

function codeKey(subject: { scene: string; phone: string }): string {
  return `${subject.scene}:${encodeURIComponent(subject.phone)}`;
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number of at least ${min} (got ${String(value)}).`);
  return value;
}
