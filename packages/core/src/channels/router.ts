import { SmsError } from '../errors.js';
import type { LogicalTemplate, SmsChannel, TemplateValues } from './channel.js';
import { ChannelGuard, type BreakerState, type ChannelBreakerOptions, type ChannelRetryOptions } from './channel-guard.js';
import { runChannelTurn, type PendingNumber } from './channel-step.js';
import { canServe, toRoutableNumber, type RoutableNumber } from './numbers.js';
import { observedTurn } from './route-telemetry.js';
import { routeResult, type RouteResult, type RoutedNumber, type UnroutableNumber } from './route-result.js';

/** A channel with its place among the router's channels. */
export interface RouterChannel {
  /** The channel. */
  channel: SmsChannel;
  /**
   * Its tier: lower goes first. Channels of one tier share the traffic by `weight` and back
   * each other up.
   * @defaultValue its position in `channels` (every channel its own tier: strict primary, then backups)
   */
  priority?: number;
  /**
   * Its share among the channels of its tier: the first channel of a send is drawn by weight,
   * the others of the tier follow as its backups.
   * @defaultValue 1
   */
  weight?: number;
  /** Overrides the router's `retry` for this channel. */
  retry?: ChannelRetryOptions | false;
  /** Overrides the router's `breaker` for this channel. */
  breaker?: ChannelBreakerOptions | false;
}

/** Options of {@link ChannelRouter}. */
export interface ChannelRouterOptions {
  /** The channels, in priority order (primary first), as channels or with their settings. */
  channels: readonly (SmsChannel | RouterChannel)[];
  /** The logical templates, each mapping channel names to that channel's template fields. */
  templates: readonly LogicalTemplate[];
  /** Retries per channel for failures classed `retry`; `false` for none. @defaultValue {@link ChannelRetryOptions} defaults */
  retry?: ChannelRetryOptions | false;
  /** The circuit breaker per channel; `false` for none. @defaultValue {@link ChannelBreakerOptions} defaults */
  breaker?: ChannelBreakerOptions | false;
  /** Requests in flight at once on one channel, for sends of more numbers than one request takes. @defaultValue 4 */
  concurrency?: number;
  /** Replaces the number rules (for example with core's E.164 rules once they exist). */
  normalizeNumber?: (input: string) => RoutableNumber | undefined;
  /** The random source of weighted choice, in [0, 1). @defaultValue Math.random */
  random?: () => number;
}

/** A logical template to many numbers, through the router. */
export interface RouteSendInput {
  /** The logical template's name. */
  template: string;
  /** The numbers, as typed (mainland or E.164); repeats are sent once. */
  to: readonly string[];
  /** The named values; left out for a template without variables. */
  values?: TemplateValues;
  /**
   * A stem for the idempotency keys of this send's requests (receipts echo them), 1–40 of
   * `[A-Za-z0-9_-]`; a queue passes its job id. @defaultValue 20 random hex digits per router, then a counter
   */
  idempotencyKey?: string;
}

/** A logical template with different values per number, through the router. */
export interface RouteBatchInput {
  /** The logical template's name. */
  template: string;
  /** One message per number; a number given twice is sent once (its first message). */
  messages: readonly { readonly to: string; readonly values: TemplateValues }[];
  /** As {@link RouteSendInput.idempotencyKey}. */
  idempotencyKey?: string;
}

interface Slot {
  readonly channel: SmsChannel;
  readonly priority: number;
  readonly weight: number;
  readonly guard: ChannelGuard;
}

const KEY_STEM = /^[A-Za-z0-9_-]{1,40}$/;

function badInput(message: string): SmsError {
  return new SmsError({ code: 40004, message, retryable: false });
}

/**
 * Sends through several channels in priority order, and knows "try again" from "fail over"
 * from "stop": it retries a channel (with backoff) only for failures classed `retry`, moves a
 * number to the next channel only for `failover` (or retries exhausted, or an open breaker),
 * never moves a number past `stop` or `unknown`, and never hands a number to a channel that
 * cannot serve it. The {@link RouteResult} names, for every number, the channel that took it
 * (or why none did) and why each channel before it was passed over.
 *
 * @example
 * ```ts
 * const router = new ChannelRouter({
 *   channels: [infocloudChannel({ name: 'main', clientOptions }), infocloudChannel({ name: 'backup', clientOptions: backupOptions })],
 *   templates: [{ name: 'verification', channels: { main: { templateCode: '100001', params: ['code'] }, backup: { templateCode: '200001', params: ['code'] } } }],
 * });
 * const result = await router.send({ template: 'verification', to: ['13800138000'], values: { code: '123456' } });
 * console.log(result.numbers[0]?.channel);
 * ```
 */
export class ChannelRouter {
  private readonly slots: readonly Slot[];
  // Tiers in priority order; `fixed` is the order itself when no tier has a choice to draw.
  private readonly tiers: readonly (readonly Slot[])[];
  private readonly fixed: readonly Slot[] | undefined;
  private readonly templates: ReadonlyMap<string, LogicalTemplate>;
  private readonly concurrency: number;
  private readonly normalize: (input: string) => RoutableNumber | undefined;
  private readonly random: () => number;
  // Default key stems: random per router (unique across processes), then a counter (cheaper
  // than a UUID per send, and unique within the process).
  private readonly keyPrefix = crypto.randomUUID().replaceAll('-', '').slice(0, 20);
  private keyCounter = 0;

  /** @throws {@link SmsError} 40004 for no channels, two channels of one name, a bad weight, or two templates of one name. */
  constructor(options: ChannelRouterOptions) {
    if (options.channels.length === 0) throw badInput('A router needs at least one channel.');
    const names = new Set<string>();
    this.slots = options.channels.map((entry, index) => {
      const settings: RouterChannel = 'channel' in entry ? entry : { channel: entry };
      const { channel } = settings;
      if (names.has(channel.name)) throw badInput(`Two channels are named "${channel.name}"; names must be unique.`);
      names.add(channel.name);
      const weight = settings.weight ?? 1;
      if (!(weight > 0) || !Number.isFinite(weight)) throw badInput(`The weight of channel "${channel.name}" must be a number above 0.`);
      const guard = new ChannelGuard({ retry: settings.retry ?? options.retry ?? {}, breaker: settings.breaker ?? options.breaker ?? {} });
      return { channel, priority: settings.priority ?? index, weight, guard };
    });
    const byPriority = new Map<number, Slot[]>();
    for (const slot of this.slots) byPriority.set(slot.priority, [...(byPriority.get(slot.priority) ?? []), slot]);
    this.tiers = [...byPriority.keys()].sort((a, b) => a - b).map((priority) => byPriority.get(priority) ?? []);
    this.fixed = this.tiers.every((tier) => tier.length === 1) ? this.tiers.flat() : undefined;
    const templates = new Map<string, LogicalTemplate>();
    for (const template of options.templates) {
      if (templates.has(template.name)) throw badInput(`Two templates are named "${template.name}".`);
      templates.set(template.name, template);
    }
    this.templates = templates;
    this.concurrency = options.concurrency ?? 4;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) throw badInput('concurrency must be a whole number ≥ 1.');
    this.normalize = options.normalizeNumber ?? toRoutableNumber;
    this.random = options.random ?? Math.random;
  }

  /** The channels, in configured order. */
  get channels(): readonly SmsChannel[] {
    return this.slots.map((slot) => slot.channel);
  }

  /** The breaker state of the channel named (`closed` for an unknown name). */
  async breakerState(channel: string): Promise<BreakerState> {
    const slot = this.slots.find((candidate) => candidate.channel.name === channel);
    return slot === undefined ? 'closed' : slot.guard.state();
  }

  /**
   * Sends one logical template with the same values to many numbers. Never rejects for a
   * channel's failure: every number's fate is in the result.
   *
   * @throws {@link SmsError} 40004 for an unknown template, a bad key stem or no numbers.
   */
  async send(input: RouteSendInput): Promise<RouteResult> {
    const values = input.values ?? {};
    return this.route({ template: input.template, key: input.idempotencyKey, values, entries: input.to.map((to) => ({ to, values })) });
  }

  /**
   * Sends one logical template with different values per number (each channel's sendBatch).
   *
   * @throws {@link SmsError} as {@link ChannelRouter.send} does.
   */
  async sendBatch(input: RouteBatchInput): Promise<RouteResult> {
    return this.route({ template: input.template, key: input.idempotencyKey, values: undefined, entries: input.messages });
  }

  /** Closes every channel. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.channel.close()));
  }

  private async route(request: { template: string; key: string | undefined; values: TemplateValues | undefined; entries: readonly { to: string; values: TemplateValues }[] }): Promise<RouteResult> {
    const template = this.templates.get(request.template);
    if (template === undefined) throw badInput(`No template is named "${request.template}"; known: ${[...this.templates.keys()].join(', ') || 'none'}.`);
    const stem = request.key ?? `${this.keyPrefix}${(this.keyCounter++).toString(36)}`;
    if (request.key !== undefined && !KEY_STEM.test(stem)) throw badInput('idempotencyKey must be 1–40 characters of A–Z, a–z, 0–9, _ and -.');
    if (request.entries.length === 0) throw badInput('No numbers to send to.');

    const invalid: UnroutableNumber[] = [];
    const order = new Map<string, number>();
    let pending: PendingNumber[] = [];
    let duplicates = 0;
    request.entries.forEach((entry, index) => {
      const routable = this.normalize(entry.to);
      if (routable === undefined) invalid.push({ input: String(entry.to), index });
      else if (order.has(routable.number)) duplicates++;
      else {
        order.set(routable.number, order.size);
        pending.push({ ...routable, values: entry.values, passedOver: [] });
      }
    });

    const settled: RoutedNumber[] = [];
    for (const [position, slot] of this.orderFor().entries()) {
      if (pending.length === 0) break;
      const { channel } = slot;
      const servable: PendingNumber[] = [];
      const next: PendingNumber[] = [];
      for (const number of pending) {
        if (canServe(channel.capabilities, number.kind)) servable.push(number);
        else {
          number.passedOver.push({ channel: channel.name, reason: 'capability' });
          next.push(number);
        }
      }
      const turn = this.checkTemplate({ slot, template, values: request.values, numbers: servable, settled, next });
      if (turn.length > 0) {
        const outcome = await observedTurn(channel.name, turn.length, () =>
          runChannelTurn({ channel, guard: slot.guard, fields: template.channels[channel.name] ?? {}, values: request.values, keyStem: `${stem}-${position}`, concurrency: this.concurrency }, turn),
        );
        settled.push(...outcome.settled);
        next.push(...outcome.passed);
      }
      pending = next;
    }
    for (const number of pending) settled.push(nobodyTookIt(number));
    if (settled.length > 1) settled.sort((a, b) => (order.get(a.number) ?? 0) - (order.get(b.number) ?? 0));
    return routeResult({ numbers: settled, invalid, duplicates, template: template.name });
  }

  /** The template check of one channel: returns the numbers it may be sent; settles or passes the rest. */
  private checkTemplate(input: { slot: Slot; template: LogicalTemplate; values: TemplateValues | undefined; numbers: PendingNumber[]; settled: RoutedNumber[]; next: PendingNumber[] }): PendingNumber[] {
    const { channel } = input.slot;
    const fields = input.template.channels[channel.name];
    if (fields === undefined) {
      const error = new SmsError({ code: 60001, message: `The template "${input.template.name}" has no entry for channel "${channel.name}".`, retryable: false });
      for (const number of input.numbers) {
        number.passedOver.push({ channel: channel.name, reason: 'template', error });
        input.next.push(number);
      }
      return [];
    }
    const ready: PendingNumber[] = [];
    let shared: ReturnType<SmsChannel['checkTemplate']> | null = null;
    for (const number of input.numbers) {
      // One check for a send (same values for all); one per number for a batch.
      const failure = input.values !== undefined ? (shared ??= channel.checkTemplate({ fields, values: input.values })) : channel.checkTemplate({ fields, values: number.values ?? {} });
      if (failure === undefined || failure === null) ready.push(number);
      else if (failure.failure === 'stop') {
        input.settled.push({ number: number.number, status: 'failed', channel: channel.name, failure: 'stop', error: failure.error, passedOver: number.passedOver, ...(failure.code === undefined ? {} : { code: failure.code }) });
      } else {
        number.passedOver.push({ channel: channel.name, reason: 'template', error: failure.error, ...(failure.code === undefined ? {} : { code: failure.code }) });
        input.next.push(number);
      }
    }
    return ready;
  }

  /** This send's channel order: tiers by priority; within a tier, drawn by weight. */
  private orderFor(): readonly Slot[] {
    if (this.fixed !== undefined) return this.fixed;
    const order: Slot[] = [];
    for (const members of this.tiers) {
      const tier = [...members];
      while (tier.length > 0) {
        const total = tier.reduce((sum, slot) => sum + slot.weight, 0);
        let draw = this.random() * total;
        let pick = tier.findIndex((slot) => (draw -= slot.weight) < 0);
        if (pick < 0) pick = tier.length - 1;
        order.push(...tier.splice(pick, 1));
      }
    }
    return order;
  }
}

function nobodyTookIt(number: PendingNumber): RoutedNumber {
  const last = number.passedOver.at(-1);
  const onlyCapability = number.passedOver.every((passed) => passed.reason === 'capability');
  const error = onlyCapability
    ? new SmsError({ code: 60007, message: `No channel can send to ${number.kind} numbers.`, hint: 'Add a channel whose capabilities include them (Tencent sends to E.164 numbers abroad).', retryable: false })
    : new SmsError({ code: last?.error?.code ?? -1, message: `No channel took the number: the last, "${last?.channel ?? '?'}", was passed over (${last?.reason ?? 'none'})${last?.error ? `: ${last.error.message}` : '.'}`, retryable: false, ...(last?.error ? { cause: last.error } : {}) });
  return { number: number.number, status: 'failed', failure: onlyCapability ? 'stop' : 'failover', error, passedOver: number.passedOver, ...(last?.code === undefined ? {} : { code: last.code }) };
}
