// Packs every publishable package the way it will be published (pnpm applies publishConfig:
// the dist exports, main, types and bin), then lints the tarball with publint and checks its
// types with @arethetypeswrong/cli for import and require users alike, and checks that it holds
// what users run, not the sources or tests behind it (no src/, no test/). Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.pack');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = 0;
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const pkgDir = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const tarball = execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: pkgDir, encoding: 'utf8' }).trim().split('\n').pop();
  // a tarball's entries all sit under package/
  const shipped = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const unwanted = shipped.filter((entry) => /^package\/(src|test)\//.test(entry));
  if (unwanted.length > 0) {
    failed++;
    console.log(`FAIL ${pkg.name}: ships sources or tests (narrow "files" in its package.json)\n${unwanted.map((entry) => `  ${entry}`).join('\n')}`);
  } else console.log(`ok   ${pkg.name}: no src/ or test/ in the tarball`);
  for (const [tool, args] of [
    ['publint', ['run', tarball, '--strict']],
    ['attw', [tarball, '--format', 'ascii', '--no-emoji', '--no-color', '--profile', 'node16']],
  ]) {
    try {
      execFileSync(bin(tool), args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
      console.log(`ok   ${pkg.name}: ${tool}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${pkg.name}: ${tool}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
rmSync(out, { recursive: true, force: true });
if (failed) {
  console.log(`${failed} package check(s) failed`);
  process.exit(1);
}
