import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { renderErrorCodesGuide } from '../scripts/error-codes.js';

const docs = fileURLToPath(new URL('..', import.meta.url));
const root = join(docs, '..');

function markdownFiles(): string[] {
  const files = [join(root, 'README.md'), join(docs, 'site', 'home.md')];
  for (const name of readdirSync(docs)) if (name.endsWith('.md')) files.push(join(docs, name));
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const readme = join(root, 'packages', pkg, 'README.md');
    try {
      readFileSync(readme);
      files.push(readme);
    } catch {
      // a package without a README has no samples
    }
  }
  return files;
}

/** Every ```ts block, with where it stands. */
function samples(): { name: string; code: string }[] {
  const found: { name: string; code: string }[] = [];
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8');
    const fence = /^```(ts|typescript)\n([\s\S]*?)^```/gm;
    for (let m = fence.exec(text); m; m = fence.exec(text)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push({ name: `${relative(root, file)}:${line}`, code: m[2] as string });
    }
  }
  return found;
}

describe('the error-code guide', () => {
  it('is generated from the catalogue and up to date (run `pnpm --filter @smskit/docs error-codes`)', () => {
    expect(readFileSync(join(docs, 'error-codes.md'), 'utf8')).toBe(renderErrorCodesGuide());
  });
});

describe('the published site', () => {
  it('lists every guide in typedoc.json, so a new guide is not left out of the site', () => {
    const listed = (JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { projectDocuments: string[] }).projectDocuments;
    const guides = readdirSync(docs).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
    expect([...listed].sort()).toEqual(guides.sort());
  });
});

/** Package names the samples of one file import (bare specifiers, not node: built-ins). */
function importedPackages(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/(?:^|\n)\s*import\s[^'"]*?from\s+'([^']+)'/g)) {
    const specifier = m[1] as string;
    if (specifier.startsWith('node:') || specifier.startsWith('.')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string));
  }
  return names;
}

/** Our packages' peer dependencies, by package name: a user of the package has them already. */
function peersOf(): Map<string, string[]> {
  const peers = new Map<string, string[]>();
  for (const dir of readdirSync(join(root, 'packages'))) {
    const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as { name: string; peerDependencies?: Record<string, string> };
    peers.set(pkg.name, Object.keys(pkg.peerDependencies ?? {}));
  }
  return peers;
}

describe('install lines', () => {
  it('name every package the samples of their page import (or a peer of one they name)', () => {
    const peers = peersOf();
    const problems: string[] = [];
    for (const file of markdownFiles()) {
      const text = readFileSync(file, 'utf8');
      const code = [...text.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gm)].map((m) => m[1]).join('\n');
      const installed = new Set(
        [...text.matchAll(/^(?:pnpm add|npm i|npm install)\s+(.*)$/gm)].flatMap((m) => (m[1] as string).split('#')[0]!.trim().split(/\s+/).filter((w) => !w.startsWith('-'))),
      );
      const covered = new Set([...installed, ...[...installed].flatMap((name) => peers.get(name) ?? [])]);
      // A page without an install line may use our packages and what they bring; anything else it must say how to get.
      if (installed.size === 0) {
        for (const [name, its] of peers) for (const one of [name, ...its]) covered.add(one);
      }
      // A type-only import is satisfied by the package's @types.
      const missing = [...importedPackages(code)].filter((name) => !covered.has(name) && !covered.has(`@types/${name}`));
      if (missing.length > 0) problems.push(`${relative(root, file)}: ${installed.size === 0 ? 'no install line for' : 'the install line misses'} ${missing.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('code samples in the guides and READMEs', () => {
  // A folder of this run's own (inside docs/, so the samples resolve @smskit/* like a user's
  // code would): two runs at once must not delete each other's files.
  const dir = join(docs, '.samples', randomUUID());
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('all compile against the packages’ real types', async () => {
    const all = samples();
    expect(all.length).toBeGreaterThan(0);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const names = new Map<string, string>();
    for (const [i, sample] of all.entries()) {
      const file = join(dir, `sample-${i}.ts`);
      names.set(file, sample.name);
      // Each sample is its own module; top-level await is allowed as in an ES module.
      await writeFile(file, `${sample.code}\nexport {};\n`);
    }
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const program = ts.createProgram([...names.keys()], { ...config?.options, noEmit: true, noUnusedLocals: false });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && names.has(d.file.fileName))
      .map((d) => {
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${names.get(d.file!.fileName)} (+${line}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
    // Type-checking every sample with the packages' sources takes seconds on a 2-core machine.
  }, 120_000);
});
