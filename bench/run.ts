/**
 * Runs every benchmark in this folder, one after another (never in parallel: they would share
 * the two cores and measure each other), each in its own process, and prints their figures.
 * `pnpm bench` from the root; `pnpm bench signing otp-redis` runs only those.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const all = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && !['run.ts', 'measure.ts', 'pinned-server.ts', 'footprint.ts'].includes(name))
  .map((name) => name.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; there are: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${name}.ts`], { cwd: here, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`${name} exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
