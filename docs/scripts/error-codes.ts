/**
 * Writes docs/error-codes.md from @smskit/core's catalogue, so the guide cannot drift from the
 * code: `pnpm run docs` regenerates it, and a test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, PLATFORM_CODES } from '@smskit/core';

/** The guide's Markdown. */
export function renderErrorCodesGuide(): string {
  const lines = [
    '---',
    'title: Error codes and their fixes',
    '---',
    '',
    '# Error codes and their fixes',
    '',
    '<!-- Generated from @smskit/core’s ERROR_CODES by docs/scripts/error-codes.ts; do not edit by hand. -->',
    '',
    'Every return code of the platform, as `@smskit/core` knows it. Every error smskit raises is an',
    '`SmsError` carrying one of these codes, its `hint`, and whether a retry can help (`retryable`).',
    'From the shell: `smskit explain <code>`.',
    '',
    '| code | platform message | meaning | retry | HTTP |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const code of PLATFORM_CODES) {
    const e = ERROR_CODES[code];
    lines.push(`| \`${code}\` | ${e.message} | ${e.messageEn} | ${e.retryable ? 'yes' : 'no'} | ${e.httpStatus} |`);
  }
  lines.push('', '## How to fix each', '');
  for (const code of PLATFORM_CODES) {
    const e = ERROR_CODES[code];
    lines.push(`### ${code} — ${e.message}`, '', e.messageEn, '', `**Fix:** ${e.hint}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../error-codes.md', import.meta.url), renderErrorCodesGuide());
}
