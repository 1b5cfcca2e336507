/**
 * What a package costs its user before it does anything, measured the way a user meets it:
 * the published tarball (`pnpm pack`, so publishConfig applies) installed by npm into an empty
 * folder, counted in installed bytes and packages, and the time a fresh Node process spends
 * importing it (ESM `import()` and CJS `require()`, timed inside the process so Node's own
 * start-up is not counted). One implementation for `import-footprint.ts`, `aliyun.ts` and
 * `tencent.ts`, so their figures mean the same thing.
 *
 * Needs `pnpm build` first (the tarballs ship dist/) and the npm registry for the official
 * SDKs (npm caches them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const npmFlags = ['--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--loglevel=error'];
// The pins pnpm-workspace.yaml holds for Nest 12 on Node 20 (two of its dependencies' newest
// versions demand Node 22), so that installing @smskit/nestjs with its peers works here too.
const NODE20_PINS = { 'file-type': '21.3.4', 'light-my-request': '6.6.0' };

/** Installed bytes and packages of a `node_modules` folder. */
export interface Installed {
  /** The sum of every file's size. */
  bytes: number;
  /** Packages installed (every folder with a package.json, nested ones included). */
  packages: number;
  /** Bytes of each top-level package, by name. */
  byPackage: Map<string, number>;
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function bytesOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesOf(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

function topLevel(modules: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '.bin') continue;
    if (entry.name.startsWith('@')) for (const inner of readdirSync(join(modules, entry.name))) found.set(`${entry.name}/${inner}`, join(modules, entry.name, inner));
    else found.set(entry.name, join(modules, entry.name));
  }
  return found;
}

function countPackages(modules: string): number {
  let count = 0;
  for (const dir of topLevel(modules).values()) {
    if (existsSync(join(dir, 'package.json'))) count++;
    if (existsSync(join(dir, 'node_modules'))) count += countPackages(join(dir, 'node_modules'));
  }
  return count;
}

/** A scratch folder for tarballs and installs; `close()` removes it. */
export class FootprintLab {
  readonly dir = mkdtempSync(join(tmpdir(), 'smskit-footprint-'));
  private packed: Map<string, string> | undefined;

  /** Every public workspace package packed (once), by name → tarball path. */
  tarballs(): Map<string, string> {
    if (this.packed) return this.packed;
    const out = join(this.dir, 'tarballs');
    mkdirSync(out);
    this.packed = new Map();
    for (const folder of readdirSync(join(root, 'packages'))) {
      const pkgDir = join(root, 'packages', folder);
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name: string; private?: boolean };
      if (pkg.private) continue;
      if (!existsSync(join(pkgDir, 'dist'))) throw new Error(`${pkg.name} has no dist/: run \`pnpm build\` first`);
      const printed = run('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', out], pkgDir).trim().split('\n');
      this.packed.set(pkg.name, printed[printed.length - 1] as string);
    }
    return this.packed;
  }

  /**
   * The dependency a user's package.json would name: a workspace package's tarball, or a
   * registry package at the range bench/package.json pins.
   */
  dependency(name: string): [string, string] {
    const tarball = this.tarballs().get(name);
    if (tarball) return [name, `file:${tarball}`];
    const bench = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const range = bench.devDependencies?.[name] ?? bench.dependencies?.[name];
    if (!range) throw new Error(`add ${name} to bench/package.json`);
    return [name, range];
  }

  /**
   * Installs `dependencies` into a new folder and returns it; our packages' dependencies on
   * each other resolve to the tarballs. Without `peers`, peer dependencies are left out (the
   * framework a Koa or Nest user already has is not the package's cost).
   */
  install(dependencies: Record<string, string>, options: { peers: boolean }): string {
    const dir = mkdtempSync(join(this.dir, 'install-'));
    const overrides = { ...NODE20_PINS, ...Object.fromEntries([...this.tarballs()].map(([name, file]) => [name, `file:${file}`])) };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, dependencies, overrides }));
    run('npm', ['install', ...npmFlags, ...(options.peers ? [] : ['--legacy-peer-deps'])], dir);
    return dir;
  }

  /** A package installed alone (peers excluded): the folder, and what landed in node_modules. */
  installAlone(name: string): { dir: string; installed: Installed } {
    const [dep, spec] = this.dependency(name);
    const dir = this.install({ [dep]: spec }, { peers: false });
    const modules = join(dir, 'node_modules');
    const byPackage = new Map([...topLevel(modules)].map(([pkg, path]) => [pkg, bytesOf(path)] as const));
    return { dir, installed: { bytes: bytesOf(modules), packages: countPackages(modules), byPackage } };
  }

  /** Removes the scratch folder. */
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Milliseconds a fresh Node process in `cwd` spends importing `modules`, one after another. */
export function importMs(cwd: string, modules: readonly string[], format: 'esm' | 'cjs'): number {
  const quoted = modules.map((m) => JSON.stringify(m));
  const load = format === 'esm' ? quoted.map((m) => `await import(${m});`).join('') : quoted.map((m) => `require(${m});`).join('');
  const code = `const t=performance.now();${load}process.stdout.write(String(performance.now()-t));`;
  const child = spawnSync(process.execPath, format === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code], { cwd, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${modules.join(', ')} (${format}) failed to import:\n${child.stderr}`);
  return Number(child.stdout);
}

/** What {@link coldImports} times: a label → the folder to run in and the modules to import. */
export type ImportSubjects = Record<string, { cwd: string; modules: readonly string[] }>;

/**
 * Cold import times, median of `rounds` interleaved rounds (every subject once a round, both
 * formats), so that load elsewhere on the machine hits all alike.
 */
export function coldImports(subjects: ImportSubjects, rounds: number): Record<string, { esm: number; cjs: number }> {
  const samples = new Map(Object.keys(subjects).map((label) => [label, { esm: [] as number[], cjs: [] as number[] }]));
  for (let r = 0; r < rounds; r++) {
    for (const [label, { cwd, modules }] of Object.entries(subjects)) {
      for (const format of ['esm', 'cjs'] as const) samples.get(label)?.[format].push(importMs(cwd, modules, format));
    }
  }
  return Object.fromEntries([...samples].map(([label, s]) => [label, { esm: median(s.esm), cjs: median(s.cjs) }]));
}

/** `12.34 MB`. */
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;

/**
 * A provider package beside its official SDK: installed size and cold import, each as a ratio
 * with the goal (at most `atMost` of the SDK's), printed as lines. Used by aliyun.ts and
 * tencent.ts.
 */
export function providerFootprint(options: { ours: string; sdk: string; atMost: number; rounds?: number }): string[] {
  const lab = new FootprintLab();
  try {
    const ours = lab.installAlone(options.ours);
    const sdk = lab.installAlone(options.sdk);
    const verdict = (ratio: number) => `${ratio.toFixed(3)} (goal ≤ ${options.atMost}: ${ratio <= options.atMost ? 'met' : 'MISSED'})`;
    const parts = [...ours.installed.byPackage].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `${name} ${mb(bytes)}`);
    const lines = [
      `install     ours ${ours.installed.packages} packages, ${mb(ours.installed.bytes)} | sdk ${sdk.installed.packages} packages, ${mb(sdk.installed.bytes)} | ours/sdk = ${verdict(ours.installed.bytes / sdk.installed.bytes)}`,
      `            ours by package: ${parts.join(', ')}`,
    ];
    const times = coldImports({ ours: { cwd: ours.dir, modules: [options.ours] }, sdk: { cwd: sdk.dir, modules: [options.sdk] } }, options.rounds ?? 15);
    for (const format of ['cjs', 'esm'] as const) {
      const [o, s] = [times.ours?.[format] ?? NaN, times.sdk?.[format] ?? NaN];
      lines.push(`cold import ${format === 'cjs' ? 'require()' : 'import()'} ours ${o.toFixed(1)} ms | sdk ${s.toFixed(1)} ms | ours/sdk = ${verdict(o / s)}`);
    }
    return lines;
  } finally {
    lab.close();
  }
}
