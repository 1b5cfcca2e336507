import { readFile } from 'node:fs/promises';
import { checkSignature, countSegments, parseTemplate, renderTemplate, type RuleViolation } from '@smskit/core';
import type { Command } from 'commander';
import { printJson, UsageError, type CliIo } from '../io.js';

async function textArgument(source: { text?: string; file?: string; what: string }, io: CliIo): Promise<string> {
  const { text, file, what } = source;
  if (text !== undefined) return text;
  if (file !== undefined) {
    try {
      return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
    } catch (error) {
      throw new UsageError(`cannot read --file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  const stdin = await io.readStdin();
  if (stdin === undefined) throw new UsageError(`no ${what}: pass it as an argument, with --file, or on standard input`);
  return stdin.replace(/\r?\n$/, '');
}

function printViolations(io: CliIo, label: string, violations: readonly RuleViolation<string>[]): void {
  for (const v of violations) io.out(`  ${v.severity} ${label}[${v.rule}] at ${v.index}: ${v.message}\n`);
}

/** `smskit check-template` and `smskit segments`: the template and length rules of SPEC §6. */
export function registerRules(program: Command, io: CliIo): void {
  program
    .command('check-template')
    .description('check a template text (and optionally its signature): every violation with its position')
    .argument('[text]', 'the template text, e.g. "您的验证码是{code,6}，5分钟内有效。"')
    .option('--file <file>', 'read the template text from a file')
    .option('--signature <name>', 'also check the signature (签名), written without brackets')
    .option('--json', 'print {variables, violations, signatureViolations} as one JSON object')
    .action(async (text: string | undefined, opts: { file?: string; signature?: string; json?: boolean }) => {
      const template = await textArgument({ text, file: opts.file, what: 'template text' }, io);
      const parsed = parseTemplate(template);
      const signatureViolations = opts.signature === undefined ? [] : checkSignature(opts.signature);
      const errors = [...parsed.violations, ...signatureViolations].filter((v) => v.severity === 'error');
      if (opts.json) printJson(io, { variables: parsed.variables, violations: parsed.violations, signatureViolations });
      else {
        io.out(errors.length === 0 ? 'OK' : `${errors.length} error${errors.length > 1 ? 's' : ''}`);
        io.out(`: ${parsed.variables.length} variable${parsed.variables.length === 1 ? '' : 's'}`);
        io.out(parsed.variables.length ? ` (${parsed.variables.map((v) => `${v.name} ≤ ${v.maxLen}`).join(', ')})\n` : '\n');
        printViolations(io, 'template', parsed.violations);
        printViolations(io, 'signature', signatureViolations);
      }
      if (errors.length > 0) process.exitCode = 1;
    });

  program
    .command('segments')
    .description('count characters, encoding and billed parts of a message (the signature 【…】 included)')
    .argument('[text]', 'the message text, or a template when --param is given')
    .option('--file <file>', 'read the text from a file')
    .option('--signature <name>', 'the signature, written without brackets')
    .option('--param <value>', 'render the text as a template with this value (repeatable, in order)', (v: string, prev: string[]) => [...prev, v], [])
    .option('--json', 'print the count as one JSON object')
    .action(async (text: string | undefined, opts: { file?: string; signature?: string; param: string[]; json?: boolean }) => {
      let body = await textArgument({ text, file: opts.file, what: 'text' }, io);
      if (opts.param.length > 0) body = renderTemplate({ template: body, values: opts.param });
      const count = countSegments({ text: body, signature: opts.signature });
      if (opts.json) {
        printJson(io, count);
        return;
      }
      io.out(
        `${count.characters} characters, ${count.encoding}, ${count.parts} part${count.parts === 1 ? '' : 's'} ` +
          `(up to ${count.maxSingle} in one SMS, ${count.perPart} per part when split)\n`,
      );
    });
}
