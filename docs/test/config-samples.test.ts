import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChannels, parseChannelsConfig } from '@smskit/core';
import { describe, expect, it } from 'vitest';

// Every channels config file the guides and READMEs show (a ```json block with "channels") is
// read and built as the CLI and the demo would, so a sample cannot drift from the format.
const docs = fileURLToPath(new URL('..', import.meta.url));
const root = join(docs, '..');

function configSamples(): { name: string; text: string }[] {
  const files = [join(root, 'README.md'), ...readdirSync(docs).filter((n) => n.endsWith('.md')).map((n) => join(docs, n))];
  for (const pkg of readdirSync(join(root, 'packages'))) files.push(join(root, 'packages', pkg, 'README.md'));
  const found: { name: string; text: string }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // a package without a README
    }
    const fence = /^```json\n([\s\S]*?)^```/gm;
    for (let m = fence.exec(text); m; m = fence.exec(text)) {
      const sample = m[1] as string;
      if (/^\s*"channels"\s*:/m.test(sample)) found.push({ name: `${relative(root, file)}:${text.slice(0, m.index).split('\n').length}`, text: sample });
    }
  }
  return found;
}

const samples = configSamples();

describe('channels config samples in the guides and READMEs', () => {
  it('are there to check (the channels guide and the CLI README show some)', () => {
    expect(samples.map((s) => s.name.split(':')[0])).toEqual(expect.arrayContaining(['docs/channels.md', 'packages/cli/README.md']));
  });

  it.each(samples)('$name reads and builds its channels', async ({ text }) => {
    // Every variable a sample names is set: the sample is checked, not anyone's environment.
    const env = new Proxy({}, { get: (_, name) => (typeof name === 'string' ? `sample-${name.toLowerCase()}` : undefined) });
    const config = parseChannelsConfig(text, { env });
    const channels = createChannels(config);
    expect(channels.map((c) => c.name)).toEqual(config.channels.map((c) => c.name));
    await Promise.all(channels.map((c) => c.close()));
  });
});
