import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ImportError, type SourceArchive, type SourceArticle, type SourceTopic } from './model.ts';
import { commonFields, fillPermalink, looseDate, MARKDOWN_FILE, readMarkdownFile, textField, textList, walkFiles } from './markdown-site.ts';

/**
 * A Jekyll site: `_posts/` are articles (`2018-07-12-slug.md`), `_drafts/`
 * are drafts, Markdown files at the top are pages (listed, not imported).
 * The old address follows `permalink` in `_config.yml` (Jekyll's named
 * styles or a pattern) or the post's own `permalink`, plus `redirect_from`.
 */

const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

function readConfig(source: string): Record<string, unknown> {
  const path = join(source, '_config.yml');
  if (!existsSync(path)) return {};
  try {
    return (parseYaml(readFileSync(path, 'utf8')) ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new ImportError(`_config.yml: cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
}

export function readJekyll(source: string): SourceArchive {
  const config = readConfig(source);
  const configured = textField(config.permalink) ?? 'date';
  const pattern = STYLES[configured] ?? configured;
  const topics = new Map<string, SourceTopic>();
  const archive: SourceArchive = {
    kind: 'jekyll',
    siteTitle: textField(config.title),
    siteUrl: textField(config.url) ? `${textField(config.url)}${textField(config.baseurl) ?? ''}` : undefined,
    articles: [],
    topics: [],
    attachments: [],
    skipped: [],
    staticDir: source,
    articleDirs: new Map(),
  };
  const files = [...walkFiles(join(source, '_posts')), ...walkFiles(join(source, '_drafts'))].filter((f) => MARKDOWN_FILE.test(f));
  for (const full of files) {
    const file = readMarkdownFile(full, source);
    const place = { file: file.path, line: 1 };
    const name = file.path.split('/').pop()!.replace(MARKDOWN_FILE, '');
    const dated = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name);
    const pubDate = looseDate(file.data.date) ?? (dated ? dated[1] : undefined);
    const title = textField(file.data.title) ?? name;
    if (!pubDate) {
      archive.skipped.push({ place, title, why: 'it has no date (neither date: nor a dated file name)' });
      continue;
    }
    const slug = textField(file.data.slug) ?? (dated ? dated[2]! : name);
    const fields = commonFields(file, place, topics);
    const [year, month, day] = pubDate.slice(0, 10).split('-') as [string, string, string];
    const categoryPath = [...textList(file.data.categories), ...textList(file.data.category)].map((c) => c.toLowerCase().replace(/\s+/g, '-')).join('/');
    const yDay = String(Math.round((Date.UTC(+year, +month - 1, +day) - Date.UTC(+year, 0, 1)) / 86_400_000) + 1).padStart(3, '0');
    const own = textField(file.data.permalink) ?? fillPermalink(pattern, {
      year, month, day, i_month: String(+month), i_day: String(+day), short_year: year.slice(2), y_day: yDay,
      title: slug, slug, categories: categoryPath, output_ext: '.html',
    });
    const article: SourceArticle = {
      ...fields,
      slug,
      pubDate,
      draft: file.path.startsWith('_drafts/') || file.data.published === false,
      permalinks: [own, ...textList(file.data.redirect_from)],
    };
    archive.articles.push(article);
    archive.articleDirs!.set(article, dirname(full));
  }
  for (const full of walkFiles(source).filter((f) => MARKDOWN_FILE.test(f) && dirname(f) === source)) {
    const file = readMarkdownFile(full, source);
    if (Object.keys(file.data).length === 0) continue; // a README without frontmatter is not part of the site
    archive.skipped.push({ place: { file: file.path, line: 1 }, title: textField(file.data.title) ?? file.path, why: 'a page, not a post' });
  }
  archive.topics = [...topics.values()];
  if (archive.articles.length === 0) {
    throw new ImportError(`${source}: no posts found: expected Markdown files in _posts/ (such as _posts/2018-07-12-talks-resume.md)`);
  }
  return archive;
}
