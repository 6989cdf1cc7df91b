import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy, in one place for the `<meta>` tag every
 * page carries and the `_headers` file written for hosts that read one.
 *
 * Everything the site loads is its own: pages, stylesheets, fonts, and the
 * search page's module script. The one inline CSS is the @font-face rules
 * Astro's Fonts API writes as `<style>` elements (src/components/Fonts.astro),
 * the same on every page: the policy allows exactly those by their SHA-256
 * hashes, never 'unsafe-inline'. Other stylesheets are files
 * (`build.inlineStylesheets: 'never'`). No inline script runs anywhere (JSON-LD blocks are data, which a
 * policy does not govern). Pagefind compiles its WebAssembly index reader,
 * hence 'wasm-unsafe-eval', and searches in a worker it starts from its own
 * file, hence worker-src 'self'. `data:` images are allowed because they cannot
 * reach another site.
 */

export type Directives = Record<string, readonly string[]>;

export const POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * Directives a `<meta>` policy may not carry (browsers ignore them there),
 * so they are sent only as a header.
 */
const HEADER_ONLY: Directives = {
  'frame-ancestors': ["'none'"],
};

/** The `<style>` elements of a page of HTML as CSP hash sources (`'sha256-…'`), each once, in page order. */
export function inlineStyleHashes(html: string): string[] {
  const hashes = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map(([, css]) => `'sha256-${createHash('sha256').update(css!).digest('base64')}'`);
  return [...new Set(hashes)];
}

function serializePolicy(directives: Directives, styleHashes: readonly string[]): string {
  const withStyles = { ...directives, 'style-src': [...directives['style-src']!, ...styleHashes] };
  return Object.entries(withStyles).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy for `<meta http-equiv="Content-Security-Policy">`, allowing the inline styles with these hashes. */
export const metaPolicy = (styleHashes: readonly string[]): string => serializePolicy(POLICY, styleHashes);

/** The policy for the `Content-Security-Policy` header: the meta policy plus header-only directives. */
export const headerPolicy = (styleHashes: readonly string[]): string => serializePolicy({ ...POLICY, ...HEADER_ONLY }, styleHashes);

/** Referrers are never sent: a source's site does not learn which archive page a reader came from. */
export const REFERRER_POLICY = 'no-referrer';

/**
 * `_headers` (Netlify and Cloudflare Pages format) applying the policy and
 * a few companion headers to every file under the deployment's base path.
 */
export function headersFile(base: string, styleHashes: readonly string[]): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return [
    '# Security headers for hosts that read this file. Written by the build from src/lib/site/csp.ts.',
    `${prefix}*`,
    `  Content-Security-Policy: ${headerPolicy(styleHashes)}`,
    `  Referrer-Policy: ${REFERRER_POLICY}`,
    '  X-Content-Type-Options: nosniff',
    '  X-Frame-Options: DENY',
    '  Cross-Origin-Opener-Policy: same-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '',
  ].join('\n');
}
