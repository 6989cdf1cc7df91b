import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { ImportError, type SourceArchive, type SourceArticle, type SourceTopic } from './model.ts';
import { commonFields, fillPermalink, looseDate, MARKDOWN_FILE, readMarkdownFile, textField, textList, walkFiles } from './markdown-site.ts';

/**
 * A Hugo site (or its content/ folder): files in sections are articles,
 * `_index.md` and files at the top of content/ are pages (listed, not
 * imported). The old address follows the site's `[permalinks]` when it has
 * them, else Hugo's default `/<section>/<slug>/`, plus the file's `aliases`.
 */

function siteConfig(siteDir: string): Record<string, unknown> {
  for (const name of ['hugo.toml', 'config.toml', 'hugo.yaml', 'config.yaml', 'hugo.yml', 'config.yml']) {
    const path = join(siteDir, name);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    try {
      return (name.endsWith('.toml') ? parseToml(text) : parseYaml(text)) as Record<string, unknown>;
    } catch (error) {
      throw new ImportError(`${name}: the Hugo configuration cannot be read: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return {};
}

export function readHugo(source: string): SourceArchive {
  const contentDir = existsSync(join(source, 'content')) ? join(source, 'content') : source;
  const siteDir = contentDir === source ? dirname(source) : source;
  const config = siteConfig(siteDir);
  const permalinks = (config.permalinks ?? {}) as Record<string, unknown>;
  const topics = new Map<string, SourceTopic>();
  const archive: SourceArchive = {
    kind: 'hugo',
    siteTitle: textField(config.title),
    siteUrl: textField(config.baseURL ?? config.baseurl),
    articles: [],
    topics: [],
    attachments: [],
    skipped: [],
    staticDir: join(siteDir, 'static'),
    articleDirs: new Map(),
  };
  for (const full of walkFiles(contentDir).filter((f) => MARKDOWN_FILE.test(f))) {
    const file = readMarkdownFile(full, contentDir);
    const parts = file.path.split('/');
    const place = { file: `content/${file.path}`, line: 1 };
    const title = textField(file.data.title) ?? file.path;
    if (/^_index\./.test(parts.at(-1)!) || parts.length === 1 || file.data.headless === true) {
      const list = /^_index\./.test(parts.at(-1)!);
      archive.skipped.push({ place, title, why: list ? 'a section or list page' : parts.length === 1 ? 'a page at the top of content/, not in a section' : 'a headless page' });
      continue;
    }
    const section = parts[0]!;
    const bundle = /^index\./.test(parts.at(-1)!);
    const fileName = (bundle ? parts.at(-2)! : parts.at(-1)!).replace(MARKDOWN_FILE, '').replace(/\.[a-z]{2,3}(-[A-Za-z]{2,4})?$/, '');
    const pubDate = looseDate(file.data.date ?? file.data.publishDate ?? file.data.pubDate);
    if (!pubDate) {
      archive.skipped.push({ place, title, why: 'it has no date (date:), so it cannot be placed in the archive' });
      continue;
    }
    const slug = textField(file.data.slug) ?? fileName;
    const [year, month, day] = pubDate.slice(0, 10).split('-') as [string, string, string];
    const pattern = textField(permalinks[section]) ?? `/${section}/:slug/`;
    const own = textField(file.data.url) ?? fillPermalink(pattern, { year, month, day, slug, title: slug, filename: fileName, contentbasename: fileName, section });
    const article: SourceArticle = {
      ...commonFields(file, place, topics),
      slug,
      pubDate,
      draft: file.data.draft === true || file.data.draft === 'true',
      permalinks: [own, ...textList(file.data.aliases)],
    };
    archive.articles.push(article);
    archive.articleDirs!.set(article, dirname(full));
  }
  archive.topics = [...topics.values()];
  if (archive.articles.length === 0) {
    throw new ImportError(`${source}: no posts found: expected Markdown files with a date in a section of content/ (such as content/posts/)`);
  }
  return archive;
}
