import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const publishable = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private);

describe('every package is complete for publishing', () => {
  it.each(publishable.map(({ dir, pkg }) => [pkg.name as string, dir, pkg]))('%s', (_name, dir, pkg) => {
    for (const field of ['description', 'keywords', 'repository', 'license', 'files', 'exports', 'engines', 'sideEffects', 'publishConfig']) {
      expect(pkg, `${field} in packages/${dir}/package.json`).toHaveProperty(field);
    }
    expect(pkg.publishConfig.access).toBe('public');
    for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>)) {
      if (dep.startsWith('@smskit/') || dep === 'smskit') expect(range, `${dep} in ${pkg.name}`).toMatch(/^workspace:/);
    }
    expect(readFileSync(join(root, 'packages', dir, 'README.md'), 'utf8').length).toBeGreaterThan(100);
  });
});

describe('changeset version', () => {
  const work = mkdtempSync(join(tmpdir(), 'smskit-release-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('bumps every package to one consistent version, with a changelog each and internal ranges kept', () => {
    // A copy of just what changesets reads: the workspace manifests and .changeset/.
    for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, file), join(work, file));
    cpSync(join(root, '.changeset'), join(work, '.changeset'), { recursive: true });
    for (const { dir } of publishable) cpSync(join(root, 'packages', dir, 'package.json'), join(work, 'packages', dir, 'package.json'));
    execFileSync('git', ['init', '-q'], { cwd: work });
    execFileSync(join(root, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
    const versions = new Set<string>();
    for (const { dir, pkg } of publishable) {
      const bumped = JSON.parse(readFileSync(join(work, 'packages', dir, 'package.json'), 'utf8'));
      versions.add(bumped.version);
      expect(readFileSync(join(work, 'packages', dir, 'CHANGELOG.md'), 'utf8')).toContain(`# ${pkg.name}`);
      for (const [dep, range] of Object.entries(bumped.dependencies ?? {}) as [string, string][]) {
        if (dep.startsWith('@smskit/')) expect(range).toBe('workspace:^');
      }
    }
    expect([...versions]).toHaveLength(1);
    expect([...versions][0]).not.toBe('0.0.0');
  });
});
