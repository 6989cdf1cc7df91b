import lighthouse from 'lighthouse';
import { launch, type LaunchedChrome } from 'chrome-launcher';

/**
 * Lighthouse (its default: simulated mobile) on Debian's Chromium, started by
 * chrome-launcher the way e2e/helpers/browser.ts starts it for Playwright (no
 * browser download). One Chromium serves many runs, each in a fresh tab.
 * The colour scheme is Chromium's own setting (Blink's preferredColorScheme:
 * 0 dark, 1 light), since Lighthouse has no option for it.
 */

export type Scheme = 'light' | 'dark';
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseResult {
  /** 0–100 per category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Cumulative layout shift (unitless) and largest contentful paint (ms, simulated). */
  cls: number;
  lcp: number;
  /** Requests Lighthouse counts as render-blocking. */
  renderBlocking: string[];
  /** Audits that scored below 1 in the accessibility, best-practices and SEO categories: `id: title`. */
  failing: string[];
}

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export interface LighthouseBrowser {
  run(url: string): Promise<LighthouseResult>;
  close(): Promise<void>;
}

export async function startLighthouse(scheme: Scheme): Promise<LighthouseBrowser> {
  const chrome: LaunchedChrome = await launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: [...FLAGS, `--blink-settings=preferredColorScheme=${scheme === 'dark' ? 0 : 1}`],
    logLevel: 'error',
  });
  return {
    async run(url) {
      const outcome = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!outcome) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = outcome;
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as LighthouseResult['scores'];
      const blocking = lhr.audits['render-blocking-resources']?.details;
      const renderBlocking = blocking && 'items' in blocking ? blocking.items.map((item: { url?: unknown }) => String(item.url)) : [];
      const failing = (['accessibility', 'best-practices', 'seo'] as const).flatMap((category) => (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${category}/${ref.id}: ${lhr.audits[ref.id]!.title}`));
      return {
        scores,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        renderBlocking,
        failing,
      };
    },
    async close() {
      chrome.kill();
    },
  };
}

/** The templates issue 17 measures (names from e2e/helpers/templates.ts), each in light and dark. */
export const LIGHTHOUSE_TEMPLATES = [
  'home', 'article', 'topic', 'person', 'event', 'timeline year', 'archive year', 'search with results', 'guide',
] as const;
