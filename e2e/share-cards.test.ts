import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { fileFor, filesIn, servedPath } from './helpers/crawl.ts';
import { REQUIRED_TEMPLATES, templatePages } from './helpers/templates.ts';

/** The `<html lang>` and the OpenGraph and Twitter tags of a built page. */
function headOf(html: string): { lang: string; meta: Map<string, string> } {
  const meta = new Map<string, string>();
  let lang = '';
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'html') lang = attributes.lang ?? '';
      const key = name === 'meta' ? attributes.property ?? attributes.name : undefined;
      if (key && attributes.content !== undefined && !meta.has(key)) meta.set(key, attributes.content);
    },
  });
  parser.end(html);
  return { lang, meta };
}

/** A PNG's width and height, from its header; undefined if the bytes are not a PNG. */
function pngSize(bytes: Buffer): [number, number] | undefined {
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('a share card for every page', () => {
  it('every built page names a 1200×630 PNG in dist/ as og:image and twitter:image, with alt text, size and locale', () => {
    const dist = inject('seedDist');
    const pages = filesIn(dist).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    const problems: string[] = [];
    const cards = new Set<string>();
    for (const file of pages) {
      const where = servedPath(dist, file, '/');
      const { lang, meta } = headOf(readFileSync(file, 'utf8'));
      // Redirect stubs (old article addresses) are not pages: no head of their own.
      if (!meta.has('og:title')) continue;
      const image = meta.get('og:image') ?? '';
      const url = URL.canParse(image) ? new URL(image) : undefined;
      const png = url?.protocol === 'https:' ? fileFor(dist, url.pathname, '/') : undefined;
      const size = png ? pngSize(readFileSync(png)) : undefined;
      if (!png) problems.push(`${where}: og:image ${JSON.stringify(image)} is not an absolute URL of a file in dist/`);
      else if (!size || size[0] !== 1200 || size[1] !== 630) problems.push(`${where}: ${image} is not a 1200×630 PNG (${size?.join('×') ?? 'not a PNG'})`);
      else cards.add(png);
      if (meta.get('og:image:width') !== '1200' || meta.get('og:image:height') !== '630') problems.push(`${where}: og:image:width/height ${meta.get('og:image:width')}×${meta.get('og:image:height')}`);
      if (!meta.get('og:image:alt')?.trim()) problems.push(`${where}: no og:image:alt`);
      if (meta.get('twitter:card') !== 'summary_large_image') problems.push(`${where}: twitter:card ${meta.get('twitter:card')}`);
      if (meta.get('twitter:image') !== image) problems.push(`${where}: twitter:image differs from og:image`);
      const locale = meta.get('og:locale') ?? '';
      if (!/^[a-z]{2,3}_[A-Z]{2}$/.test(locale) || locale.split('_')[0] !== lang.split('-')[0]) problems.push(`${where}: og:locale ${JSON.stringify(locale)} on a page in ${lang}`);
    }
    expect(problems).toEqual([]);
    // Pages differ, and so do their cards (one drawing for all would pass the checks above).
    expect(cards.size).toBeGreaterThan(pages.length / 2);
  });

  it('each template the issue names has its card, and pages in Persian and Russian say so in og:locale', () => {
    const dist = inject('seedDist');
    const templates = templatePages(dist, 'Velayati');
    const found = templates.map((template) => template.template);
    expect(found).toEqual(expect.arrayContaining(REQUIRED_TEMPLATES.filter((name) => ['home', 'article', 'topic', 'person', 'organization', 'country', 'event', 'timeline', 'archive', 'quotes', 'guide'].includes(name))));
    for (const page of templates.filter((template) => !template.search && template.template !== '404')) {
      const file = fileFor(dist, `/${page.path}`, '/');
      expect(headOf(readFileSync(file!, 'utf8')).meta.get('og:image'), page.template).toMatch(/^https:\/\/.+\/cards\/[0-9a-f]{24}\.png$/);
    }
    expect(headOf(readFileSync(fileFor(dist, '/404.html', '/')!, 'utf8')).meta.get('og:image')).toMatch(/\/cards\/[0-9a-f]{24}\.png$/);
    expect(headOf(readFileSync(fileFor(dist, '/search/fa/', '/')!, 'utf8')).meta.get('og:locale')).toBe('fa_IR');
    expect(headOf(readFileSync(fileFor(dist, '/search/ru/', '/')!, 'utf8')).meta.get('og:locale')).toBe('ru_RU');
  });
});
