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
 * To add a package, add a line to SUBJECTS: `pack` names a workspace folder (packed with
 * `pnpm pack`, so publishConfig applies), `registry` a package on npm at the version in this
 * folder's package.json. Needs `pnpm build` first and the npm registry (installs are cached by
 * npm). IMPORT_ROUNDS=N changes the number of interleaved rounds (default 9).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

interface Subject {
  /** What the table calls it. */
  label: string;
  /** The module to import (ESM `import()`, CJS `require()`). */
  specifier: string;
  /** A workspace folder to pack, or a registry package (version from bench/package.json). */
  source: { pack: string } | { registry: string };
  /** More modules imported in the same process after `specifier` (to rebuild a "before"). */
  alongside?: string[];
  /** Only timed, not installed on its own (its size is another subject's). */
  timeOnly?: boolean;
}

const SUBJECTS: Subject[] = [
  { label: '@smskit/core (sign)', specifier: '@smskit/core', source: { pack: 'packages/core' } },
  { label: 'core as before: + undici, zod', specifier: '@smskit/core', source: { pack: 'packages/core' }, alongside: ['undici', 'zod'], timeOnly: true },
  { label: '@smskit/koa', specifier: '@smskit/koa', source: { pack: 'packages/koa' } },
  { label: '@smskit/nestjs', specifier: '@smskit/nestjs', source: { pack: 'packages/nestjs' } },
  { label: '@smskit/otp', specifier: '@smskit/otp', source: { pack: 'packages/otp' } },
  { label: '@smskit/redis', specifier: '@smskit/redis', source: { pack: 'packages/redis' } },
  { label: '@smskit/postman', specifier: '@smskit/postman', source: { pack: 'packages/postman' } },
  { label: '@smskit/sandbox', specifier: '@smskit/sandbox', source: { pack: 'packages/sandbox' } },
  { label: 'smskit (CLI)', specifier: 'smskit', source: { pack: 'packages/cli' } },
  { label: '@smskit/aliyun', specifier: '@smskit/aliyun', source: { pack: 'packages/aliyun' } },
  { label: '@smskit/tencent', specifier: '@smskit/tencent', source: { pack: 'packages/tencent' } },
  { label: 'Aliyun SDK', specifier: '@alicloud/dysmsapi20170525', source: { registry: '@alicloud/dysmsapi20170525' } },
  { label: 'Tencent SDK', specifier: 'tencentcloud-sdk-nodejs-sms', source: { registry: 'tencentcloud-sdk-nodejs-sms' } },
];
/** Ratios printed against these subjects. */
const REFERENCES = ['Aliyun SDK', 'Tencent SDK'];
const GOAL = { subject: '@smskit/core (sign)', before: 'core as before: + undici, zod', atMost: 1 / 3 };

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const work = mkdtempSync(join(tmpdir(), 'smskit-footprint-'));
const npmFlags = ['--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--loglevel=error'];

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Packs every workspace package the subjects need (pnpm applies publishConfig). */
function packAll(): Map<string, string> {
  const tarballs = new Map<string, string>();
  const out = join(work, 'tarballs');
  mkdirSync(out);
  for (const dir of readdirSync(join(root, 'packages'))) {
    const pkgDir = join(root, 'packages', dir);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name: string; private?: boolean };
    if (pkg.private) continue;
    if (!existsSync(join(pkgDir, 'dist'))) throw new Error(`${pkg.name} has no dist/: run \`pnpm build\` first`);
    const printed = run('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', out], pkgDir).trim().split('\n');
    tarballs.set(pkg.name, printed[printed.length - 1] as string);
  }
  return tarballs;
}

/** What a user's package.json would name for the subject: its tarball, or its registry range. */
function dependencyOf(subject: Subject, tarballs: Map<string, string>): [string, string] {
  if ('registry' in subject.source) {
    const bench = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const range = bench.devDependencies[subject.source.registry];
    if (!range) throw new Error(`add ${subject.source.registry} to bench/package.json's devDependencies`);
    return [subject.source.registry, range];
  }
  return [subject.specifier, `file:${tarballs.get(subject.specifier) as string}`];
}

/** Installs `dependencies` into a new folder; our packages' 0.0.0 dependencies on each other resolve to the tarballs. */
function install(options: { dependencies: Record<string, string>; tarballs: Map<string, string>; peers: boolean }): string {
  const dir = mkdtempSync(join(work, 'install-'));
  const overrides = Object.fromEntries([...options.tarballs].map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, dependencies: options.dependencies, overrides }));
  run('npm', ['install', ...npmFlags, ...(options.peers ? [] : ['--legacy-peer-deps'])], dir);
  return dir;
}

function duBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += duBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

function countPackages(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '.bin') continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) count += countPackages(path);
    else {
      if (existsSync(join(path, 'package.json'))) count++;
      if (existsSync(join(path, 'node_modules'))) count += countPackages(join(path, 'node_modules'));
    }
  }
  return count;
}

/**
 * Installed size: the subject alone in an empty folder, without peer dependencies (the
 * framework a Koa or Nest user already has is not the package's cost).
 */
function installedSize(subject: Subject, tarballs: Map<string, string>): { bytes: number; packages: number } {
  const [name, spec] = dependencyOf(subject, tarballs);
  const modules = join(install({ dependencies: { [name]: spec }, tarballs, peers: false }), 'node_modules');
  return { bytes: duBytes(modules), packages: countPackages(modules) };
}

/** One folder with every subject installed (with peers), where the import times are taken. */
function importFolder(tarballs: Map<string, string>): string {
  const dependencies = Object.fromEntries(SUBJECTS.map((subject) => dependencyOf(subject, tarballs)));
  // What core's entry used to load at import time, at the versions core depends on (undici,
  // which core no longer depends on, at the version this folder's own benchmarks use).
  const core = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const bench = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of ['undici', 'zod']) dependencies[name] = (core.dependencies[name] ?? bench.dependencies[name]) as string;
  return install({ dependencies, tarballs, peers: true });
}

/** Milliseconds a fresh process spends in importing the subject (and what goes alongside). */
function importMs(subject: Subject, format: 'esm' | 'cjs', cwd: string): number {
  const modules = [subject.specifier, ...(subject.alongside ?? [])].map((m) => JSON.stringify(m));
  const load = format === 'esm' ? modules.map((m) => `await import(${m});`).join('') : modules.map((m) => `require(${m});`).join('');
  const code = `const t=performance.now();${load}process.stdout.write(String(performance.now()-t));`;
  const args = format === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
  const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${subject.label} (${format}) failed to import:\n${child.stderr}`);
  return Number(child.stdout);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

try {
  const rounds = Number(process.env.IMPORT_ROUNDS ?? 9);
  console.log(`import footprint — node ${process.version}; cold import = median of ${rounds} interleaved fresh processes; size = npm install of the tarball into an empty folder (peers excluded)`);
  const tarballs = packAll();
  const sizes = new Map<string, { bytes: number; packages: number }>();
  for (const subject of SUBJECTS) if (!subject.timeOnly) sizes.set(subject.label, installedSize(subject, tarballs));
  const cwd = importFolder(tarballs);
  const samples = new Map<string, number[]>(SUBJECTS.flatMap((s) => [[`${s.label}|esm`, []], [`${s.label}|cjs`, []]]));
  // Interleaved (every subject once per round) so that load elsewhere on the machine hits all alike.
  for (let r = 0; r < rounds; r++) {
    for (const subject of SUBJECTS) {
      for (const format of ['esm', 'cjs'] as const) samples.get(`${subject.label}|${format}`)?.push(importMs(subject, format, cwd));
    }
  }
  const time = (label: string, format: 'esm' | 'cjs') => median(samples.get(`${label}|${format}`) ?? []);
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
  rmSync(work, { recursive: true, force: true });
}
