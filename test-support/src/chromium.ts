import { accessSync, constants } from 'node:fs';

/** The Chromium the browser tests drive: `CHROMIUM_PATH`, or Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests of `suite` can run. The root `test` script installs Debian's
 * Chromium when it may (root with apt-get; see scripts/test.sh). Where it truly cannot be had,
 * the tests are reported skipped, with one line saying why and how to get it — never passed.
 * In CI (`CI` set) a missing browser is a failure instead, so CI cannot pass by testing nothing.
 */
export function chromiumAvailable(suite: string): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    const why = `${suite}: no Chromium at ${CHROMIUM_PATH}`;
    if (process.env.CI) throw new Error(`${why} (CI is set, so this fails instead of skipping).`);
    console.warn(`\n  ${why}; skipping the browser tests. Get it with \`apt-get install chromium fonts-wqy-zenhei\` as root (\`pnpm test\` does this itself when run as root), or set CHROMIUM_PATH.\n`);
    return false;
  }
}
