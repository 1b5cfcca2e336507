/**
 * Checks the built site (`pnpm run docs` writes docs-site/) without the network:
 * - every internal link and anchor resolves: the page exists and, with a fragment, has an
 *   element of that id (icons referenced as `#icon-…` must be symbols of assets/icons.svg,
 *   which assets/icons.js adds to every page);
 * - every source link (`https://github.com/smskit/smskit/blob/<rev>/<path>#L<n>`) names a file of
 *   this repository (tracked, or new and not ignored) that has line n;
 * - opened from file:// in Chromium, a sample of pages logs no console error or warning.
 * `pnpm --filter @smskit/docs check-site` (CI runs it after `pnpm run docs`); `--no-browser`
 * skips the last check.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Parser } from 'htmlparser2';

const root = fileURLToPath(new URL('../..', import.meta.url));
const site = join(root, 'docs-site');
const SOURCE_LINK = /^https:\/\/github\.com\/smskit\/smskit\/blob\/[^/]+\/([^#?]+)(?:#L(\d+))?$/;
const LINK_ATTRIBUTES: Record<string, string[]> = { a: ['href'], link: ['href'], script: ['src'], img: ['src'], use: ['href', 'xlink:href'] };

interface Page {
  ids: Set<string>;
  links: { tag: string; url: string }[];
}

function parse(file: string): Page {
  const page: Page = { ids: new Set(), links: [] };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) page.ids.add(attributes.id);
        if (name === 'a' && attributes.name) page.ids.add(attributes.name);
        for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
          const url = attributes[attribute];
          if (url !== undefined) page.links.push({ tag: name, url });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  parser.end(readFileSync(file, 'utf8'));
  return page;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The repository's files (tracked, plus new ones not ignored), with their line counts on demand. */
function repositoryFiles(): Set<string> {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return new Set(listed.split('\0').filter(Boolean));
}

function checkLinks(): { problems: string[]; counted: Record<string, number> } {
  const files = htmlFiles(site);
  const pages = new Map(files.map((file) => [file, parse(file)]));
  const svgs = new Map<string, Set<string>>();
  const svgIds = (file: string) => svgs.get(file) ?? svgs.set(file, parse(file).ids).get(file);
  const iconIds = svgIds(join(site, 'assets', 'icons.svg')) as Set<string>;
  const repo = repositoryFiles();
  const lineCounts = new Map<string, number>();
  const problems: string[] = [];
  const counted = { pages: files.length, internal: 0, anchors: 0, source: 0, external: 0 };
  for (const [file, page] of pages) {
    const where = relative(site, file);
    for (const { tag, url } of page.links) {
      const source = SOURCE_LINK.exec(url);
      if (source) {
        counted.source++;
        const path = decodeURIComponent(source[1] as string);
        if (!repo.has(path)) {
          problems.push(`${where}: source link to ${path}, which is not a file of the repository`);
          continue;
        }
        const line = Number(source[2] ?? 1);
        if (!lineCounts.has(path)) lineCounts.set(path, readFileSync(join(root, path), 'utf8').split('\n').length);
        if (line > (lineCounts.get(path) as number)) problems.push(`${where}: source link to ${path} line ${line}, past its end`);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        if (/^https?:/i.test(url)) counted.external++;
        continue;
      }
      const [pathPart = '', fragment] = url.split('#', 2) as [string, string | undefined];
      const target = pathPart === '' ? file : resolve(dirname(file), decodeURIComponent(pathPart.split('?')[0] as string));
      counted.internal++;
      if (!target.startsWith(site) || !existsSync(target)) {
        problems.push(`${where}: <${tag}> ${url} points at a missing file`);
        continue;
      }
      if (fragment === undefined || fragment === '') continue;
      counted.anchors++;
      const id = decodeURIComponent(fragment);
      if (tag === 'use' && pathPart === '') {
        if (!iconIds.has(id)) problems.push(`${where}: icon #${id} is not in assets/icons.svg`);
        continue;
      }
      const ids = pages.get(target)?.ids ?? (target.endsWith('.svg') ? svgIds(target) : undefined);
      if (!ids) problems.push(`${where}: ${url} has an anchor into a file that is neither a page nor an SVG`);
      else if (!ids.has(id)) problems.push(`${where}: ${url}: no element with id "${id}" in ${relative(site, target)}`);
    }
  }
  return { problems, counted };
}

/** One page of each kind, opened from file:// in Chromium: console errors and warnings, page errors. */
async function checkConsole(): Promise<string[]> {
  const { chromium } = await import('playwright-core');
  const sample = ['index.html', 'modules.html', 'hierarchy.html'];
  for (const dir of readdirSync(site, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'assets') continue;
    const first = readdirSync(join(site, dir.name)).filter((name) => name.endsWith('.html')).sort()[0];
    if (first) sample.push(`${dir.name}/${first}`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'smskit-site-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const problems: string[] = [];
  try {
    for (const name of sample.filter((n) => existsSync(join(site, n)))) {
      const page = await browser.newPage();
      const messages: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => messages.push(`page error: ${error.message}`));
      await page.goto(pathToFileURL(join(site, name)).href, { waitUntil: 'load' });
      // The icons and the navigation are added by scripts after load.
      await page.waitForSelector('svg > symbol[id^="icon-"]', { state: 'attached', timeout: 10_000 });
      await page.waitForTimeout(300);
      await page.close();
      const distinct = [...new Set(messages)];
      if (distinct.length > 0) problems.push(`${name} (file://): ${messages.length} console message(s), e.g.\n    ${distinct.slice(0, 3).join('\n    ')}`);
      else console.log(`console clean from file://: ${name}`);
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return problems;
}

if (!existsSync(join(site, 'index.html'))) {
  console.error('docs-site/ is not built: run `pnpm run docs` first');
  process.exit(2);
}
const { problems, counted } = checkLinks();
console.log(
  `${counted.pages} pages: ${counted.internal} internal links (${counted.anchors} with an anchor), ${counted.source} source links checked; ` +
    `${counted.external} other external links not fetched`,
);
if (!process.argv.includes('--no-browser')) problems.push(...(await checkConsole()));
if (problems.length > 0) {
  console.error(`${problems.length} problem(s):\n${problems.slice(0, 50).join('\n')}`);
  process.exit(1);
}
console.log('site check: every link resolves');
