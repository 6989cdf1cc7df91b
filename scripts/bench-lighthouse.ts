/**
 * `node scripts/bench-lighthouse.ts <dist> [--runs 3]`
 *
 * Lighthouse (simulated mobile, Debian's Chromium) on one page of each
 * template issue 17 names, in light and dark, served from a built site on
 * loopback, text gzipped as a static host sends it. Prints a Markdown table of medians over the runs: performance
 * score, LCP (simulated ms), CLS, and the accessibility, best-practices and
 * SEO scores (which `e2e/lighthouse.test.ts` asserts at 100). Performance and
 * LCP depend on the machine's load: note the load average with the figures.
 * Then, per template, the layout shift Chromium itself reports (PerformanceObserver
 * `layout-shift`, phone-sized window, e2e/helpers/layout-shift.ts) with fonts
 * served at once and held back 1.5 s, and the elements that moved most.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { serveDir } from '../e2e/helpers/serve.ts';
import { templatePages } from '../e2e/helpers/templates.ts';
import { LIGHTHOUSE_TEMPLATES, startLighthouse, type LighthouseResult, type Scheme } from '../e2e/helpers/lighthouse.ts';
import { launchBrowser } from '../e2e/helpers/browser.ts';
import { layoutShift } from '../e2e/helpers/layout-shift.ts';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
const dist = positionals[0];
if (!dist) {
  console.error('usage: node scripts/bench-lighthouse.ts <dist> [--runs 3]');
  process.exit(2);
}
const runs = Number(args.runs);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const pages = templatePages(dist, 'velayati');
const missing = LIGHTHOUSE_TEMPLATES.filter((name) => !pages.some((page) => page.template === name));
if (missing.length) throw new Error(`no page for ${missing.join(', ')} in ${dist}`);
const server = await serveDir(dist, '/', { compress: true });
const rows: string[] = [];
const shiftRows: string[] = [];
const load = loadavg()[0]!.toFixed(1);
try {
  for (const scheme of ['light', 'dark'] as Scheme[]) {
    const lighthouse = await startLighthouse(scheme);
    try {
      for (const name of LIGHTHOUSE_TEMPLATES) {
        const page = pages.find((p) => p.template === name)!;
        const results: LighthouseResult[] = [];
        for (let i = 0; i < runs; i += 1) results.push(await lighthouse.run(new URL(page.path, server.url).href));
        const m = (pick: (r: LighthouseResult) => number) => median(results.map(pick));
        rows.push(`| ${name} | ${scheme} | ${m((r) => r.scores.performance)} | ${Math.round(m((r) => r.lcp))} | ${m((r) => r.cls).toFixed(3)} | ${m((r) => r.scores.accessibility)} | ${m((r) => r.scores['best-practices'])} | ${m((r) => r.scores.seo)} |`);
        console.error(rows.at(-1));
      }
    } finally {
      await lighthouse.close();
    }
  }
  const browser = await launchBrowser();
  try {
    for (const name of LIGHTHOUSE_TEMPLATES) {
      const url = new URL(pages.find((p) => p.template === name)!.path, server.url).href;
      const prompt = await layoutShift(browser, url);
      const delayed = await layoutShift(browser, url, { fontDelayMs: 1500 });
      shiftRows.push(`| ${name} | ${prompt.cls.toFixed(3)} | ${delayed.cls.toFixed(3)} | ${delayed.shifts.slice(0, 2).join('; ') || '–'} |`);
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
console.log(`Lighthouse 12, simulated mobile, median of ${runs} run(s); load average at start ${load}, at end ${loadavg()[0]!.toFixed(1)}.\n`);
console.log('| template | scheme | performance | LCP (ms) | CLS | accessibility | best practices | SEO |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log('\n| template | CLS in Chromium, fonts at once | fonts 1.5 s late | largest shifts (value, nodes), fonts late |');
console.log('| --- | --- | --- | --- |');
for (const row of shiftRows) console.log(row);
