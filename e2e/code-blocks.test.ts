import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { buildOnce } from './helpers/site.ts';
import { serveForFile } from './helpers/served-site.ts';
import { openPage } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';
import { writeLanguagesFixture } from './helpers/languages-fixture.ts';

/**
 * Fenced code in articles is highlighted with classes (src/lib/markdown/code-highlight.ts,
 * src/styles/code.css), in `.md` and `.mdx` alike: coloured tokens in light and
 * dark mode, readable (axe's contrast rules), no inline style anywhere, so the
 * strict Content-Security-Policy blocks nothing.
 */

const CODE = 'const answer: number = 42; // the reason\nfunction greet(name: string) {\n  return `Hello, ${name}`;\n}';
const article = (lang: 'md' | 'mdx', title: string) => `---
title: "${title}"
description: "How the archive's feed reader parses dates, with a sample."
pubDate: 2018-07-20
topics: [iran-russia-relations]
---

The reader parses each date with one function:

\`\`\`ts
${CODE}
\`\`\`

Nothing else is needed${lang === 'mdx' ? ' in MDX either' : ''}.
`;
const ARTICLES = [
  { id: '2018/07/code-sample-md', file: 'code-sample-md.md', source: article('md', 'A code sample in Markdown') },
  { id: '2018/07/code-sample-mdx', file: 'code-sample-mdx.mdx', source: article('mdx', 'A code sample in MDX') },
];

const fixture = writeLanguagesFixture();
for (const { file, source } of ARTICLES) {
  mkdirSync(join(fixture, 'articles', '2018', '07'), { recursive: true });
  writeFileSync(join(fixture, 'articles', '2018', '07', file), source);
}
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'code-blocks', contentDir: fixture });
const htmlOf = (id: string) => readFileSync(join(build.outDir, 'articles', id, 'index.html'), 'utf8');

/** Every element with a style attribute, and the classes of the spans inside the code block. */
function scan(html: string): { styled: string[]; preClasses: string[]; tokenClasses: Set<string> } {
  const styled: string[] = [];
  const preClasses: string[] = [];
  const tokenClasses = new Set<string>();
  let inPre = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if ('style' in attributes) styled.push(`<${name} style="${attributes.style}">`);
      if (name === 'pre') {
        inPre += 1;
        preClasses.push(attributes.class ?? '');
      }
      if (inPre && name === 'span') for (const c of (attributes.class ?? '').split(/\s+/).filter(Boolean)) tokenClasses.add(c);
    },
    onclosetag(name) {
      if (name === 'pre') inPre -= 1;
    },
  });
  parser.write(html);
  parser.end();
  return { styled, preClasses, tokenClasses };
}

describe('the built pages', () => {
  it.each(ARTICLES.map((a) => [a.file, a.id]))('%s: a ts block with token classes and no style attribute', (_file, id) => {
    const { styled, preClasses, tokenClasses } = scan(htmlOf(id));
    expect(preClasses).toEqual(['astro-code css-variables']);
    expect(htmlOf(id)).toContain('data-language="ts"');
    for (const token of ['tok-keyword', 'tok-comment', 'tok-function', 'tok-string-expression']) expect(tokenClasses).toContain(token);
    expect(styled).toEqual([]);
  });

  it('the authoring guide (MDX pages) is highlighted the same way', () => {
    const html = readFileSync(join(build.outDir, 'guide', 'index.html'), 'utf8');
    const { styled, preClasses, tokenClasses } = scan(html);
    expect(preClasses.length).toBeGreaterThan(0);
    expect(preClasses.every((c) => c.startsWith('astro-code'))).toBe(true);
    expect(tokenClasses.size).toBeGreaterThan(1);
    expect(styled).toEqual([]);
  });
});

describe('Chromium, served with the _headers policy', () => {
  const site = serveForFile(build.outDir, '/', { headers: true });

  it('colours tokens in light and dark mode, readably, with no policy violation', async () => {
    const colours: Record<string, { keyword: string; text: string; background: string }> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const { id } of ARTICLES) {
        const { page, cspViolations, errors } = await openPage(site.browser, site.server.origin, { colorScheme });
        await page.goto(new URL(`articles/${id}/`, site.server.url).href);
        const seen = await page.locator('pre.astro-code').evaluate((pre) => ({
          keyword: getComputedStyle(pre.querySelector('.tok-keyword')!).color,
          text: getComputedStyle(pre).color,
          background: getComputedStyle(pre).backgroundColor,
        }));
        colours[`${colorScheme} ${id}`] = seen;
        expect(seen.keyword, 'a keyword has its own colour').not.toBe(seen.text);
        expect(await axeViolations(page), `${id} (${colorScheme})`).toEqual([]);
        await page.waitForLoadState('networkidle');
        expect(cspViolations).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }
    const [md, mdx] = ARTICLES.map((a) => a.id);
    expect(colours[`light ${md}`]).toEqual(colours[`light ${mdx}`]);
    expect(colours[`dark ${md}`]!.keyword).not.toBe(colours[`light ${md}`]!.keyword);
    expect(colours[`dark ${md}`]!.background).not.toBe(colours[`light ${md}`]!.background);
  });
});
