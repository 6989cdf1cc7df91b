import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { fileFor, servedPath } from './crawl.ts';

/**
 * What a page costs a reader before they do anything: its HTML and every
 * stylesheet it links, each gzipped as a static host would send it, and the
 * JavaScript it would load or run (with the gzipped size of each file). Fonts are not counted: they are fetched
 * only for the scripts a page's text uses, are cached across the whole site,
 * and are measured by `npm run bench`.
 */

export interface PageWeight {
  /** Gzipped bytes of the HTML. */
  html: number;
  /** Gzipped bytes of each linked stylesheet. */
  stylesheets: { href: string; gzip: number }[];
  /** HTML plus stylesheets, gzipped. */
  total: number;
  /** Scripts the page loads or runs (JSON-LD data blocks are not scripts). */
  scripts: string[];
  /** Gzipped bytes of each script file it loads (found in dist/). */
  scriptFiles: { src: string; gzip: number }[];
  /** Stylesheets it links that are not in dist/. */
  missing: string[];
}

const gzipped = (bytes: Buffer) => gzipSync(bytes).length;

export function pageWeight(dist: string, file: string, base = '/'): PageWeight {
  const html = readFileSync(file);
  const pageUrl = new URL(servedPath(dist, file, base), 'http://site.invalid');
  const stylesheets: PageWeight['stylesheets'] = [];
  const scripts: string[] = [];
  const scriptFiles: PageWeight['scriptFiles'] = [];
  const missing: string[] = [];
  let inlineScript: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
      if (name === 'link' && rel.includes('stylesheet') && attributes.href) {
        const target = fileFor(dist, new URL(attributes.href, pageUrl).pathname, base);
        if (target) stylesheets.push({ href: attributes.href, gzip: gzipped(readFileSync(target)) });
        else missing.push(attributes.href);
      }
      if (name === 'link' && (rel.includes('modulepreload') || (rel.includes('preload') && attributes.as === 'script'))) scripts.push(`<link rel="${attributes.rel}" href="${attributes.href}">`);
      if (name === 'script') {
        if (attributes.src) {
          scripts.push(`<script src="${attributes.src}">`);
          const target = fileFor(dist, new URL(attributes.src, pageUrl).pathname, base);
          if (target) scriptFiles.push({ src: attributes.src, gzip: gzipped(readFileSync(target)) });
          else missing.push(attributes.src);
        }
        else if (attributes.type !== 'application/ld+json') inlineScript = attributes.type ?? '';
      }
    },
    ontext(text) {
      if (inlineScript !== undefined && text.trim()) scripts.push(`inline <script type="${inlineScript}">: ${text.trim().slice(0, 60)}`);
    },
    onclosetag(name) {
      if (name === 'script') inlineScript = undefined;
    },
  });
  parser.write(html.toString('utf8'));
  parser.end();
  const htmlBytes = gzipped(html);
  return { html: htmlBytes, stylesheets, total: htmlBytes + stylesheets.reduce((sum, s) => sum + s.gzip, 0), scripts, scriptFiles, missing };
}

/**
 * The `src` of the keyboard-shortcut module (src/client/search/shortcut.ts),
 * the one script reading pages load: the only script of the built home page.
 */
export function shortcutModuleSrc(dist: string, base = '/'): string {
  const { scripts } = pageWeight(dist, `${dist}/index.html`, base);
  const src = scripts.length === 1 ? /^<script src="([^"]+)">$/.exec(scripts[0]!)?.[1] : undefined;
  if (!src) throw new Error(`the home page should load exactly the shortcut module, not ${JSON.stringify(scripts)}`);
  return src;
}
