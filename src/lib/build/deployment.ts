/**
 * Where the site is published, read from CHRONICLE_SITE and CHRONICLE_BASE.
 * Hosts and CI tools spell these in many ways (`chronicle`, `/chronicle`,
 * `""` from GitHub Pages for a custom domain); Astro and every URL helper
 * expect one spelling, so it is settled here once.
 */

const DEFAULT_SITE = 'https://chronicle.example.org';

/** The base path with a leading and a trailing slash: `/`, `/chronicle/`, `/news/archive/`. */
export function normalizeBase(value: string | undefined): string {
  const segments = (value ?? '').trim().split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || /[\s?#\\]/.test(segment)) {
      throw new Error(`CHRONICLE_BASE: got ${JSON.stringify(value)}, expected a path such as "/" or "/chronicle/"`);
    }
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * The site's origin, e.g. `https://news.example.org`. A path given here
 * (`https://example.org/chronicle/`) belongs in CHRONICLE_BASE, so it is an
 * error rather than something silently dropped or doubled.
 */
export function normalizeSite(value: string | undefined): string {
  const raw = value?.trim() || DEFAULT_SITE;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`CHRONICLE_SITE: got ${JSON.stringify(value)}, expected an address such as "https://news.example.org"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`CHRONICLE_SITE: got ${JSON.stringify(value)}, expected an http:// or https:// address`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `CHRONICLE_SITE: got ${JSON.stringify(value)}, expected the address without a path; put the path in CHRONICLE_BASE (e.g. CHRONICLE_SITE=${url.origin} CHRONICLE_BASE=${url.pathname})`,
    );
  }
  return url.origin;
}

/** Both settings from an environment, as astro.config.mjs uses them. */
export function deploymentFromEnv(env: Record<string, string | undefined> = process.env): { site: string; base: string } {
  return { site: normalizeSite(env.CHRONICLE_SITE), base: normalizeBase(env.CHRONICLE_BASE) };
}
