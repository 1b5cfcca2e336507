import { readFile } from 'node:fs/promises';
import { checkSignature, checkTemplate, parseTemplate, type TemplateVariable } from '@smskit/core';
import { z } from 'zod';

/** The three balances of an account; a template draws from one of them. */
export const BALANCE_ITEMS = ['行业短信', '会员短信', '推广短信'] as const;

/** One balance of an account: industry (notifications, codes), member, or marketing SMS. */
export type BalanceItem = (typeof BALANCE_ITEMS)[number];

/** Limits set on a template in the console (SPEC §6); past them a send answers 40005. */
export interface TemplateLimits {
  /** Most recipients in one send. */
  recipientsPerSend?: number;
  /** Most messages to one number a day (Beijing days). */
  perNumberPerDay?: number;
  /** Most messages a day in all. */
  perDay?: number;
}

/** An approved template as the templates file gives it. */
export interface TemplateDefinition {
  /** The template number (模板编号) sends name it by. */
  code: string;
  /** The signature, without brackets; shown as `【signature】`. */
  signature: string;
  /** The text with `{name,maxLen}` variables. */
  text: string;
  /** Which balance it draws from. @defaultValue `'行业短信'` */
  balance?: BalanceItem;
  /** Limits set on the template. */
  limits?: TemplateLimits;
}

/** A template checked and parsed once at start, so sends do not parse it again. */
export interface SandboxTemplate extends Required<Omit<TemplateDefinition, 'limits'>> {
  /** Limits set on the template. */
  limits: TemplateLimits;
  /** Its variables, in order. */
  variables: readonly TemplateVariable[];
  /**
   * `【signature】` and the text between the variables: `pieces[0] + values[0] + pieces[1] + …`
   * is the message, as core's `renderTemplate` renders it.
   */
  pieces: readonly string[];
}

/**
 * The message a template renders to with `values` (already checked against its variables):
 * core's `renderTemplate` without parsing the template again on every send.
 */
export function renderPrepared(template: SandboxTemplate, values: readonly string[]): string {
  const { pieces } = template;
  let text = pieces[0] as string;
  for (let i = 1; i < pieces.length; i++) text += (values[i - 1] ?? '') + (pieces[i] as string);
  return text;
}

function piecesOf(text: string, signature: string, variables: readonly TemplateVariable[]): string[] {
  const chars = Array.from(text);
  const pieces: string[] = [];
  let at = 0;
  for (const variable of variables) {
    pieces.push(chars.slice(at, variable.index).join(''));
    at = variable.index + variable.length;
  }
  pieces.push(chars.slice(at).join(''));
  pieces[0] = `【${signature}】${pieces[0] as string}`;
  return pieces;
}

/**
 * The templates the sandbox knows when none are given: a verification code, a notification
 * with several variables, one with no variables, and a marketing one.
 */
export const DEFAULT_TEMPLATES: readonly TemplateDefinition[] = [
  { code: '100001', signature: 'smskit', text: '您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。' },
  { code: '100002', signature: 'smskit', text: '尊敬的{name,20}，您的订单{order,32}已发货，预计{date,10}送达。' },
  { code: '100003', signature: 'smskit', text: '您的账户信息已更新。如非本人操作，请联系客服。' },
  { code: '100004', signature: 'smskit', text: '{name,10}您好，会员日全场8折，回T退订。', balance: '推广短信', limits: { perNumberPerDay: 1 } },
  { code: '100005', signature: 'smskit', text: 'Your code is {code,6}. It expires in 5 minutes.' },
];

const positive = z.number().int().positive();
const templateFile = z
  .array(
    z.object({
      code: z.string().min(1).max(64),
      signature: z.string(),
      text: z.string(),
      balance: z.enum(BALANCE_ITEMS).optional(),
      limits: z.object({ recipientsPerSend: positive.optional(), perNumberPerDay: positive.optional(), perDay: positive.optional() }).strict().optional(),
    }),
  )
  .min(1);

/**
 * Checks template definitions with core's rules and parses them once.
 *
 * @throws Error naming every template that breaks a rule (an error, not a warning), and
 *   every repeated code.
 */
export function prepareTemplates(definitions: unknown): Map<string, SandboxTemplate> {
  const parsed = templateFile.safeParse(definitions);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Templates: ${issue?.path.join('.') || 'the list'} ${issue?.message ?? 'is invalid'}. Expected a JSON array of {"code", "signature", "text"}.`);
  }
  const templates = new Map<string, SandboxTemplate>();
  const problems: string[] = [];
  for (const definition of parsed.data) {
    if (templates.has(definition.code)) problems.push(`template ${definition.code}: the code is used twice`);
    const broken = [...checkTemplate(definition.text), ...checkSignature(definition.signature)].filter((v) => v.severity === 'error');
    for (const violation of broken) problems.push(`template ${definition.code}: ${violation.message}`);
    const variables = parseTemplate(definition.text).variables;
    templates.set(definition.code, {
      code: definition.code,
      signature: definition.signature,
      text: definition.text,
      balance: definition.balance ?? '行业短信',
      limits: definition.limits ?? {},
      variables,
      pieces: piecesOf(definition.text, definition.signature, variables),
    });
  }
  if (problems.length > 0) throw new Error(`Templates break the platform's rules:\n  ${problems.join('\n  ')}`);
  return templates;
}

/** Reads a templates file: a JSON array of {@link TemplateDefinition}. */
export async function loadTemplatesFile(path: string): Promise<TemplateDefinition[]> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as TemplateDefinition[];
  } catch {
    throw new Error(`${path} is not valid JSON: expected an array of {"code", "signature", "text"}.`);
  }
}
