import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import redirectsIntegration from '../../src/integrations/redirects-file.ts';
import { contentPass } from '../../src/integrations/content-pass.ts';
import { aliasRedirects, forceRedirects, redirectsFile } from '../../src/lib/site/redirects.ts';
import { readContentFiles } from '../../src/lib/content/files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { makeContentTree, md, removeContentTrees, VALID_ARTICLE } from '../fixtures/content-tree.ts';

afterAll(removeContentTrees);

const article = (id: string, aliases: string[], draft = false) => ({ id, data: { aliases, draft } });

describe('alias redirects', () => {
  it('sends every old URL, with and without its trailing slash, to the article', () => {
    const rules = aliasRedirects([article('2018/07/ties', ['/2018/07/old-ties/', '/old.html'])], '/');
    expect(rules).toEqual([
      { from: '/2018/07/old-ties/', to: '/articles/2018/07/ties/' },
      { from: '/2018/07/old-ties', to: '/articles/2018/07/ties/' },
      { from: '/old.html', to: '/articles/2018/07/ties/' },
    ]);
  });

  it('puts the base path on both sides', () => {
    const rules = aliasRedirects([article('2018/07/ties', ['/2018/07/old-ties'])], '/chronicle/');
    expect(rules).toEqual([
      { from: '/chronicle/2018/07/old-ties/', to: '/chronicle/articles/2018/07/ties/' },
      { from: '/chronicle/2018/07/old-ties', to: '/chronicle/articles/2018/07/ties/' },
    ]);
  });

  it('leaves out drafts, which are never published', () => {
    expect(aliasRedirects([article('2018/draft', ['/old-draft/'], true)], '/')).toEqual([]);
  });

  it('keeps placeholder and splat characters literal and encodes the rest', () => {
    const [rule] = aliasRedirects([article('a', ['/news/:id/*/caf%C3%A9/'])], '/');
    expect(rule?.from).toBe('/news/%3Aid/%2A/caf%C3%A9/');
  });

  it('writes one "from to 301" line per rule after a comment', () => {
    const text = redirectsFile([{ from: '/a/', to: '/articles/b/' }, { from: '/a', to: '/articles/b/' }]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# /);
    expect(lines.slice(1)).toEqual(['/a/ /articles/b/ 301', '/a /articles/b/ 301']);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('forces the rules on Netlify, which would otherwise serve the forwarding page instead', () => {
    expect(redirectsFile([{ from: '/a/', to: '/articles/b/' }], { force: true })).toContain('\n/a/ /articles/b/ 301!\n');
    expect(forceRedirects({ NETLIFY: 'true' })).toBe(true);
    expect(forceRedirects({ CF_PAGES: '1' })).toBe(false);
    expect(forceRedirects({})).toBe(false);
  });

  it('reads aliases from article files through the real validation', () => {
    const { root, contentDir } = makeContentTree({
      'articles/2019/moved.md': md(`${VALID_ARTICLE}\naliases: [/2019/old-moved, /2019/older-moved/]`),
      'articles/2019/unpublished.md': md(`${VALID_ARTICLE}\ndraft: true\naliases: [/2019/old-unpublished/]`),
    });
    const { files } = readContentFiles(contentDir, root);
    const { content } = validateContent(files);
    const text = redirectsFile(aliasRedirects(content.articles, '/chronicle/'));
    expect(text).toContain('/chronicle/2019/old-moved/ /chronicle/articles/2019/moved/ 301\n');
    expect(text).toContain('/chronicle/2019/old-moved /chronicle/articles/2019/moved/ 301\n');
    expect(text).toContain('/chronicle/2019/older-moved/ /chronicle/articles/2019/moved/ 301\n');
    expect(text).not.toContain('unpublished');
  });

  it('writes dist/_redirects after the build, after any rules the site ships in public/', async () => {
    const { root } = makeContentTree({
      'articles/2019/moved.md': md(`${VALID_ARTICLE}\n"aliases":\n  - /2019/old-moved/`),
      'articles/2019/plain.md': md(`${VALID_ARTICLE}`, '\naliases: in the body is only text\n'),
    });
    const dist = mkdtempSync(join(tmpdir(), 'chronicle-dist-'));
    writeFileSync(join(dist, '_redirects'), '/feed /rss.xml 301\n');
    const pass = contentPass();
    pass.setRoot(root);
    const hooks = redirectsIntegration(pass).hooks as Record<string, (options: unknown) => void>;
    const logged: string[] = [];
    const previous = process.env.CHRONICLE_CONTENT_DIR;
    delete process.env.CHRONICLE_CONTENT_DIR;
    try {
      hooks['astro:config:done']!({ config: { root: pathToFileURL(`${root}/`), base: '/news/' } });
      hooks['astro:build:done']!({ dir: pathToFileURL(`${dist}/`), logger: { info: (m: string) => logged.push(m) } });
    } finally {
      if (previous !== undefined) process.env.CHRONICLE_CONTENT_DIR = previous;
    }
    const lines = readFileSync(join(dist, '_redirects'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      '/feed /rss.xml 301',
      '/news/2019/old-moved/ /news/articles/2019/moved/ 301',
      '/news/2019/old-moved /news/articles/2019/moved/ 301',
    ]);
    expect(logged).toEqual(['_redirects: 2 rules for old article URLs']);
  });
});
