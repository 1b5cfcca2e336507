import { z } from 'zod';

/** A Tencent template as the templates file gives it (`"platform": "tencent"`). */
export interface TencentTemplateDefinition {
  /** Always `'tencent'` in a templates file shared with infocloud's entries. */
  platform?: 'tencent';
  /** The TemplateId sends name it by (digits). */
  id: string;
  /** The text with `{1}`, `{2}`, … numbered from 1. */
  text: string;
  /** An international template sends abroad only; a domestic one to the mainland only. @defaultValue false */
  international?: boolean;
}

/** A template checked once at start. */
export interface TencentSandboxTemplate extends Required<Omit<TencentTemplateDefinition, 'platform'>> {
  /** How many `{n}` it has. */
  readonly params: number;
}

/** The templates a Tencent sandbox approves unless told otherwise. */
export const DEFAULT_TENCENT_TEMPLATES: readonly TencentTemplateDefinition[] = [
  { platform: 'tencent', id: '1110', text: '您的验证码为{1}，请于{2}分钟内填写，如非本人操作请忽略。' },
  { platform: 'tencent', id: '1111', text: '您的订单{1}已发货。' },
  { platform: 'tencent', id: '2220', text: 'Your verification code is {1}. It expires in {2} minutes.', international: true },
];

const definition = z.object({
  platform: z.literal('tencent').optional(),
  id: z.string().regex(/^\d{1,20}$/, 'must be digits'),
  text: z.string().min(1).max(500),
  international: z.boolean().optional(),
});

const PLACEHOLDER = /\{(\d+)\}/g;

/**
 * Checks Tencent template definitions: ids unique, placeholders `{1}`…`{n}` numbered from 1
 * without gaps (what Tencent's review requires; FAQ on error 1014).
 *
 * @throws Error naming every template at fault.
 */
export function prepareTencentTemplates(definitions: readonly unknown[]): Map<string, TencentSandboxTemplate> {
  const templates = new Map<string, TencentSandboxTemplate>();
  const problems: string[] = [];
  definitions.forEach((raw, index) => {
    const parsed = definition.safeParse(raw);
    if (!parsed.success) {
      problems.push(`tencent template [${index}]: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
      return;
    }
    const { id, text } = parsed.data;
    const numbers = [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => Number(m[1])))].sort((a, b) => a - b);
    if (numbers.some((n, i) => n !== i + 1)) problems.push(`tencent template ${id}: placeholders must be {1}, {2}, … without gaps`);
    if (templates.has(id)) problems.push(`tencent template ${id}: the id is used twice`);
    templates.set(id, { id, text, international: parsed.data.international ?? false, params: numbers.length });
  });
  if (problems.length > 0) throw new Error(`Tencent templates break the platform's rules:\n  ${problems.join('\n  ')}`);
  return templates;
}

/** The text a template renders to; values are inserted as they are, never read as placeholders. */
export function renderTencentTemplate(template: TencentSandboxTemplate, values: readonly string[]): string {
  return template.text.replace(PLACEHOLDER, (whole, n: string) => values[Number(n) - 1] ?? whole);
}

/**
 * Splits a templates file shared by the platforms: entries with `"platform": "tencent"` are
 * Tencent's, the rest (no platform, or `"infocloud"`) the seed platform's.
 */
export function splitTemplatesByPlatform(entries: readonly unknown[]): { infocloud: unknown[]; tencent: unknown[] } {
  const infocloud: unknown[] = [];
  const tencent: unknown[] = [];
  for (const entry of entries) {
    const platform = typeof entry === 'object' && entry !== null ? (entry as { platform?: unknown }).platform : undefined;
    if (platform === 'tencent') tencent.push(entry);
    else if (platform === undefined || platform === 'infocloud') infocloud.push(entry);
  }
  return { infocloud, tencent };
}
