import type { AliyunTemplateDefinition } from './options.js';

/** True for a templates-file entry marked `"platform": "aliyun"`. */
export function isAliyunTemplate(entry: unknown): entry is AliyunTemplateDefinition {
  return typeof entry === 'object' && entry !== null && (entry as { platform?: unknown }).platform === 'aliyun';
}

/**
 * The Aliyun entries of a templates file shared with the seed platform, checked.
 *
 * @throws Error naming the first malformed entry.
 */
export function aliyunTemplatesOf(entries: readonly unknown[]): AliyunTemplateDefinition[] {
  const found = entries.filter(isAliyunTemplate);
  const codes = new Set<string>();
  found.forEach((entry, i) => {
    const where = `Aliyun template ${typeof entry.code === 'string' ? entry.code : `#${i}`}`;
    if (typeof entry.code !== 'string' || entry.code === '') throw new Error(`${where}: "code" must be a non-empty string (SMS_…).`);
    if (typeof entry.text !== 'string' || entry.text === '') throw new Error(`${where}: "text" must be a non-empty string with \${var} variables.`);
    if (entry.signNames !== undefined && (!Array.isArray(entry.signNames) || !entry.signNames.every((s) => typeof s === 'string' && s !== ''))) throw new Error(`${where}: "signNames" must be an array of signature texts.`);
    if (codes.has(entry.code)) throw new Error(`${where}: the code is used twice.`);
    codes.add(entry.code);
  });
  return found;
}
