import {
  assertBid,
  assertTemplateValues,
  assertUpExtendCode,
  beijingDate,
  checkPhones,
  countSegments,
  decodeTemplateParamJson,
  MAX_PHONES_PER_REQUEST,
  normalizePhone,
  SmsError,
} from '@smskit/core';
import { outcomeFor, type DeliveryRule } from './delivery.js';
import type { SandboxMessage, SandboxStore, CounterStep, MessageState } from './store.js';
import { renderPrepared, type SandboxTemplate } from './templates.js';

/** What a send answers in `data`. */
export interface SendResult {
  /** The id of the request's messages. */
  msgId: string;
  /** Always `null`, as the platform answers. */
  desc: null;
  /** Numbers that were not accepted, comma-separated; absent when all were. */
  failPhones?: string;
}

/** One accepted message with the state it is to end in. */
export interface Accepted {
  /** The message as stored. */
  message: SandboxMessage;
  /** Its final state. */
  outcome: MessageState;
}

/** What the send engine needs from the sandbox. */
export interface SendContext {
  store: SandboxStore;
  templates: ReadonlyMap<string, SandboxTemplate>;
  rules: readonly DeliveryRule[];
  now: () => number;
  nextMsgId: () => string;
  nextSeq: () => number;
}

/** The fields of `/message/send` after their types were checked. */
export interface SendFields {
  phones: string;
  templateCode: string;
  templateParam?: unknown;
  upExtendCode?: unknown;
  bid?: unknown;
}

/** The fields of `/message/sendBatch` after their types were checked. */
export interface SendBatchFields {
  phonesJson: string;
  templateCode: string;
  templateParamJson?: unknown;
  upExtendCode?: unknown;
  bid?: unknown;
}

function templateOf(context: SendContext, code: string): SandboxTemplate {
  const template = context.templates.get(code);
  if (!template) throw new SmsError({ code: 60001, message: `Template ${code.slice(0, 64)} does not exist.` });
  return template;
}

function templateParamOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SmsError({ code: 60006, message: 'templateParam must be a JSON array of strings written as a string, e.g. "[\\"张三\\"]".' });
  return value;
}

/**
 * `/message/send`: one text to many numbers. Checks in the order a caller can fix them:
 * template (60001), values (60006, 60003, 60004), extension code and bid (40004), count of
 * numbers (60008), numbers (60007 when none is valid; invalid ones go to `failPhones`),
 * template limits (40005), balance (40002).
 */
export async function acceptSend(context: SendContext, apiKey: string, fields: SendFields): Promise<{ result: SendResult; accepted: Accepted[] }> {
  const template = templateOf(context, fields.templateCode);
  const values = assertTemplateValues({ template: template.variables, values: templateParamOf(fields.templateParam) });
  const upExtendCode = assertUpExtendCode(fields.upExtendCode);
  const bid = assertBid(fields.bid);
  const check = canonicalPhones(fields.phones) ?? checkPhones(fields.phones, { max: Number.POSITIVE_INFINITY });
  const count = check.phones.length + check.invalid.length;
  if (count > MAX_PHONES_PER_REQUEST) {
    throw new SmsError({ code: 60008, message: `${count} phone numbers in one request; at most ${MAX_PHONES_PER_REQUEST}.` });
  }
  const failPhones = check.invalid.map((entry) => entry.input).filter((input) => input.trim() !== '');
  if (check.phones.length === 0) throw noValidPhone(failPhones);
  const text = renderPrepared(template, values);
  const parts = countSegments({ text }).parts;
  const drafts = check.phones.map((phone) => ({ phone, text, parts }));
  return commit(context, { apiKey, template, drafts, upExtendCode, bid, failPhones, endpoint: 'send' });
}

/**
 * `/message/sendBatch`: one list of values per number. Checks the parameter lists (60006),
 * the count (60008), one list per number (60002), each list against the template (60003,
 * 60004), then numbers, limits and balance as {@link acceptSend} does.
 */
export async function acceptSendBatch(context: SendContext, apiKey: string, fields: SendBatchFields): Promise<{ result: SendResult; accepted: Accepted[] }> {
  const template = templateOf(context, fields.templateCode);
  let phones: unknown;
  try {
    phones = JSON.parse(fields.phonesJson) as unknown;
  } catch {
    phones = undefined;
  }
  if (!Array.isArray(phones)) throw new SmsError({ code: 60007, message: 'phonesJson must be a JSON array of numbers written as a string, e.g. "[\\"13800138000\\"]".' });
  if (phones.length === 0) throw new SmsError({ code: 40004, message: 'phonesJson holds no number.' });
  if (phones.length > MAX_PHONES_PER_REQUEST) {
    throw new SmsError({ code: 60008, message: `${phones.length} phone numbers in one sendBatch; at most ${MAX_PHONES_PER_REQUEST}.` });
  }
  const lists = paramLists(fields.templateParamJson, phones.length);
  if (lists.length !== phones.length) {
    throw new SmsError({ code: 60002, message: `sendBatch has ${phones.length} phone number(s) but ${lists.length} parameter list(s).` });
  }
  const valueLists = lists.map((list, i) => {
    try {
      return assertTemplateValues({ template: template.variables, values: list });
    } catch (error) {
      if (error instanceof SmsError) throw new SmsError({ code: error.code, message: `templateParamJson[${i}]: ${error.message}`, details: error.details });
      throw error;
    }
  });
  const upExtendCode = assertUpExtendCode(fields.upExtendCode);
  const bid = assertBid(fields.bid);
  const failPhones: string[] = [];
  const drafts: { phone: string; text: string; parts: number }[] = [];
  phones.forEach((input, i) => {
    const phone = normalizePhone(input);
    if (!phone) {
      failPhones.push(typeof input === 'string' ? input : JSON.stringify(input) ?? '');
      return;
    }
    const text = renderPrepared(template, valueLists[i] ?? []);
    drafts.push({ phone, text, parts: countSegments({ text }).parts });
  });
  if (drafts.length === 0) throw noValidPhone(failPhones);
  return commit(context, { apiKey, template, drafts, upExtendCode, bid, failPhones, endpoint: 'sendBatch' });
}

const CANONICAL_PHONE = /^1[3-9]\d{9}$/;

/**
 * The common case without core's full normalisation: every entry already an 11-digit mainland
 * number, none repeated — what `checkPhones` would answer for it, found with one regex test
 * per number. Anything else (spaces, +86, bad or repeated numbers) returns `undefined` and
 * goes through `checkPhones`.
 */
function canonicalPhones(list: string): { phones: string[]; invalid: { input: string }[] } | undefined {
  const phones = list.split(',');
  for (const phone of phones) if (!CANONICAL_PHONE.test(phone)) return undefined;
  if (phones.length > 1 && new Set(phones).size !== phones.length) return undefined;
  return { phones, invalid: [] };
}

function paramLists(wire: unknown, count: number): string[][] {
  // a template without variables may leave the field out, as the single send does
  if (wire === undefined || wire === null || wire === '') return Array.from({ length: count }, () => []);
  if (typeof wire !== 'string') throw new SmsError({ code: 60006, message: 'templateParamJson must be a JSON array of arrays written as a string.' });
  return decodeTemplateParamJson(wire);
}

function noValidPhone(failPhones: readonly string[]): SmsError {
  const shown = failPhones.slice(0, 5).map((p) => `"${p.slice(0, 24)}"`).join(', ');
  return new SmsError({ code: 60007, message: `No valid mainland mobile number${shown ? `: ${shown}` : ''}.` });
}

async function commit(
  context: SendContext,
  request: {
    apiKey: string;
    template: SandboxTemplate;
    drafts: readonly { phone: string; text: string; parts: number }[];
    upExtendCode: string | undefined;
    bid: string | undefined;
    failPhones: readonly string[];
    endpoint: 'send' | 'sendBatch';
  },
): Promise<{ result: SendResult; accepted: Accepted[] }> {
  const { store, now } = context;
  const { apiKey, template, drafts } = request;
  const at = now();
  const steps = limitSteps(template, drafts, beijingDate(at));
  if (steps === 'too-many-recipients') {
    throw new SmsError({ code: 40005, message: `Template ${template.code} allows ${template.limits.recipientsPerSend} recipient(s) per send.` });
  }
  if (steps.length > 0 && !(await store.countWithin(steps))) {
    throw new SmsError({ code: 40005, message: `Template ${template.code}'s daily limits would be passed by this send.` });
  }
  const cost = drafts.reduce((sum, draft) => sum + draft.parts, 0);
  if (!(await store.charge({ apiKey, item: template.balance, amount: cost }))) {
    if (steps.length > 0) await store.countWithin(steps.map((step) => ({ key: step.key, by: -step.by, max: Number.POSITIVE_INFINITY })));
    throw new SmsError({ code: 40002, message: `This send costs ${cost} ${template.balance}; the balance is lower.` });
  }
  const msgId = context.nextMsgId();
  const accepted: Accepted[] = drafts.map((draft) => {
    // one object shape for every message (bid and upExtendCode always present, maybe
    // undefined) keeps the store's code monomorphic
    const message: SandboxMessage = {
      seq: context.nextSeq(),
      msgId,
      apiKey,
      phone: draft.phone,
      templateCode: template.code,
      text: draft.text,
      parts: draft.parts,
      bid: request.bid,
      upExtendCode: request.upExtendCode,
      endpoint: request.endpoint,
      submittedAt: at,
      state: 'PENDING',
      arrivedAt: undefined,
      pulled: false,
    };
    return { message, outcome: outcomeFor(draft.phone, context.rules) };
  });
  await store.addMessages(accepted.map((a) => a.message));
  const result: SendResult = { msgId, desc: null };
  if (request.failPhones.length > 0) result.failPhones = request.failPhones.join(',');
  return { result, accepted };
}

function limitSteps(template: SandboxTemplate, drafts: readonly { phone: string }[], day: string): CounterStep[] | 'too-many-recipients' {
  const { recipientsPerSend, perNumberPerDay, perDay } = template.limits;
  if (recipientsPerSend !== undefined && drafts.length > recipientsPerSend) return 'too-many-recipients';
  const steps: CounterStep[] = [];
  if (perDay !== undefined) steps.push({ key: `tpl:${template.code}:${day}`, by: drafts.length, max: perDay });
  if (perNumberPerDay !== undefined) {
    const perPhone = new Map<string, number>();
    for (const draft of drafts) perPhone.set(draft.phone, (perPhone.get(draft.phone) ?? 0) + 1);
    for (const [phone, by] of perPhone) steps.push({ key: `tpl:${template.code}:${day}:${phone}`, by, max: perNumberPerDay });
  }
  return steps;
}
