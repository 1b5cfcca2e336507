/**
 * What a package costs its user before it does anything: the cold import time (a fresh Node
 * process importing it, ESM and CommonJS) and the installed size (the published tarball and
 * its dependencies, installed by npm into an empty folder, as a user's `npm i` would), for
 * each smskit package beside the official Aliyun and Tencent SMS SDKs, in one run.
 *
 * Goal: importing @smskit/core for signing takes at most 1/3 of what it took when undici and
 * zod loaded at import time. That "before" is measured in the same run: the same core, plus
 * undici and zod imported alongside, which is exactly what its entry used to load.
 *
 * To add a package, add a line to SUBJECTS: a workspace package is packed (`pnpm pack`, so
 * publishConfig applies), any other is installed from npm at the range bench/package.json pins
 * (see footprint.ts). Needs `pnpm build` first and the npm registry (installs are cached by
 * npm). IMPORT_ROUNDS=N changes the number of interleaved rounds (default 9).
 */
import { spawnSync } from 'node:child_process';
import { coldImports, FootprintLab, mb, type Installed } from './footprint.js';

interface Subject {
  /** What the table calls it. */
  label: string;
  /** The module to import (ESM `import()`, CJS `require()`). */
  specifier: string;
  /** More modules imported in the same process after `specifier` (to rebuild a "before"). */
  alongside?: string[];
  /** Only timed, not installed on its own (its size is another subject's). */
  timeOnly?: boolean;
}

const SUBJECTS: Subject[] = [
  { label: '@smskit/core (sign)', specifier: '@smskit/core' },
  { label: 'core as before: + undici, zod', specifier: '@smskit/core', alongside: ['undici', 'zod'], timeOnly: true },
  { label: '@smskit/koa', specifier: '@smskit/koa' },
  { label: '@smskit/nestjs', specifier: '@smskit/nestjs' },
  { label: '@smskit/otp', specifier: '@smskit/otp' },
  { label: '@smskit/redis', specifier: '@smskit/redis' },
  { label: '@smskit/postman', specifier: '@smskit/postman' },
  { label: '@smskit/sandbox', specifier: '@smskit/sandbox' },
  { label: 'smskit (CLI)', specifier: 'smskit' },
  { label: '@smskit/aliyun', specifier: '@smskit/aliyun' },
  { label: '@smskit/tencent', specifier: '@smskit/tencent' },
  { label: 'Aliyun SDK', specifier: '@alicloud/dysmsapi20170525' },
  { label: 'Tencent SDK', specifier: 'tencentcloud-sdk-nodejs-sms' },
];
/** Ratios printed against these subjects. */
const REFERENCES = ['Aliyun SDK', 'Tencent SDK'];
const GOAL = { subject: '@smskit/core (sign)', before: 'core as before: + undici, zod', atMost: 1 / 3 };

const lab = new FootprintLab();

/** One folder with every subject installed (with peers), where the import times are taken. */
function importFolder(): string {
  const dependencies = Object.fromEntries(SUBJECTS.filter((s) => !s.timeOnly).map((subject) => lab.dependency(subject.specifier)));
  // What core's entry used to load at import time, at the ranges core depended on then.
  Object.assign(dependencies, { undici: '^7.30.2', zod: '^4.6.7' });
  return lab.install(dependencies, { peers: true });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * The published `@smskit/core` and `@smskit/core/provider` are one build: the same classes
 * from both entries, in both formats (else `instanceof SmsError` would fail across packages).
 */
function assertOneCore(cwd: string): void {
  const cjs = "const a=require('@smskit/core'),b=require('@smskit/core/provider');if(a.SmsError!==b.SmsError||a.HttpTransport!==b.HttpTransport)process.exit(1)";
  const esm = "const a=await import('@smskit/core'),b=await import('@smskit/core/provider');if(a.SmsError!==b.SmsError||a.HttpTransport!==b.HttpTransport)process.exit(1)";
  for (const args of [['-e', cjs], ['--input-type=module', '-e', esm]]) {
    if (spawnSync(process.execPath, args, { cwd }).status !== 0) throw new Error(`@smskit/core and @smskit/core/provider are not one build (${args.length === 2 ? 'CJS' : 'ESM'})`);
  }
}

try {
  const rounds = Number(process.env.IMPORT_ROUNDS ?? 9);
  console.log(`import footprint — node ${process.version}; cold import = median of ${rounds} interleaved fresh processes; size = npm install of the tarball into an empty folder (peers excluded)`);
  const sizes = new Map<string, Installed>();
  for (const subject of SUBJECTS) if (!subject.timeOnly) sizes.set(subject.label, lab.installAlone(subject.specifier).installed);
  const cwd = importFolder();
  assertOneCore(cwd);
  const times = coldImports(Object.fromEntries(SUBJECTS.map((s) => [s.label, { cwd, modules: [s.specifier, ...(s.alongside ?? [])] }])), rounds);
  const time = (label: string, format: 'esm' | 'cjs') => times[label]?.[format] ?? NaN;
  const header = `${'package'.padEnd(32)}${'import ESM'.padStart(12)}${'import CJS'.padStart(12)}${'installed'.padStart(12)}${'packages'.padStart(10)}`;
  console.log(`\n${header}`);
  for (const subject of SUBJECTS) {
    const size = sizes.get(subject.label);
    console.log(
      `${subject.label.padEnd(32)}${ms(time(subject.label, 'esm')).padStart(12)}${ms(time(subject.label, 'cjs')).padStart(12)}` +
        `${(size ? mb(size.bytes) : '—').padStart(12)}${(size ? String(size.packages) : '—').padStart(10)}`,
    );
  }
  console.log('\nratios (import ESM / import CJS / installed size) against the official SDKs:');
  for (const subject of SUBJECTS.filter((s) => !s.timeOnly && !REFERENCES.includes(s.label))) {
    const parts = REFERENCES.map((ref) => {
      const size = (sizes.get(subject.label)?.bytes ?? NaN) / (sizes.get(ref)?.bytes ?? NaN);
      return `vs ${ref}: ${(time(subject.label, 'esm') / time(ref, 'esm')).toFixed(2)} / ${(time(subject.label, 'cjs') / time(ref, 'cjs')).toFixed(2)} / ${size.toFixed(2)}`;
    });
    console.log(`  ${subject.label.padEnd(30)}${parts.join('   ')}`);
  }
  const met: boolean[] = [];
  for (const format of ['esm', 'cjs'] as const) {
    const ratio = time(GOAL.subject, format) / time(GOAL.before, format);
    met.push(ratio <= GOAL.atMost);
    console.log(`core for signing / core as before (${format}) = ${ratio.toFixed(3)} (goal ≤ ${GOAL.atMost.toFixed(3)}: ${ratio <= GOAL.atMost ? 'met' : 'MISSED'})`);
  }
  console.log(met.every(Boolean) ? 'import footprint: goal met' : 'import footprint: goal missed');
} finally {
  lab.close();
}
