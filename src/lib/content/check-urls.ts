/**
 * Every URL is claimed once: an article's page, an entity's page and feed,
 * the site's own pages and folders, and each alias (an old URL that
 * forwards to an article). An alias that another page already has would be
 * shadowed by it, so both files are named.
 */
import { ENTITY_KINDS, KINDS } from '../core/kinds.ts';
import { articlePath, entityPath, FIXED_PAGES, normalizePath } from '../core/urls.ts';
import type { ContentError } from './errors.ts';
import { lineIn, type LineFinders } from './line-finders.ts';
import type { ValidContent } from './entries.ts';

/** Folders whose every address the site generates (pagination, year pages, search assets). */
const GENERATED_FOLDERS = ['/page/', '/timeline/', '/archive/', '/search/', '/quotes/', '/guide/', '/pagefind/', '/_astro/'];

const ENTITY_FOLDER = new RegExp(`^/(?:${ENTITY_KINDS.join('|')})/[^/]+/`);

/**
 * Who owns a path no single page claims, but that the site generates all the
 * same: sitemap parts, anything in a generated folder, and anything inside an
 * entity's own folder (its pages 2, 3…, timeline, quotes, feed). An alias
 * there would be shadowed by the site's page instead of served.
 */
function generatedOwner(path: string, entityPages: Map<string, string>): string | undefined {
  if (/^\/sitemap-\d+\.xml$/.test(path)) return `the site's sitemap ${path}`;
  const folder = GENERATED_FOLDERS.find((prefix) => path.startsWith(prefix) && path !== prefix);
  if (folder) return `the site's own ${folder} pages`;
  const entity = ENTITY_FOLDER.exec(path)?.[0];
  const owner = entity && entity !== path ? entityPages.get(entity) : undefined;
  if (!owner) return undefined;
  return owner.startsWith("the site's") ? `${owner.replace("the site's page", "the site's pages")} (${entity}…)` : `the site's pages for ${owner} (${entity}…)`;
}

/**
 * The countries that get a page (and feed): those with a file of their own
 * and those an article (draft or not) or an event names, as in the archive
 * model. Any other country has no page, so its address is free. Drafts
 * count: the dev server shows their countries' pages.
 */
export function countriesWithPages(content: ValidContent): Set<string> {
  const codes = new Set(content.countries.map((c) => c.id.toLowerCase()));
  for (const entry of [...content.articles, ...content.events]) for (const code of entry.data.countries ?? []) codes.add(code.toLowerCase());
  return codes;
}

/** Every page and feed an entity kind's files claim; a country's page exists once something names it. */
function claimEntityPages(content: ValidContent, owners: Map<string, string>, entityPages: Map<string, string>) {
  for (const kind of ENTITY_KINDS) {
    if (KINDS[kind].ids === 'country') continue;
    for (const entry of content[kind]) {
      owners.set(entityPath(kind, entry.id), entry.file);
      entityPages.set(entityPath(kind, entry.id), entry.file);
    }
  }
  for (const kind of ENTITY_KINDS) {
    if (!KINDS[kind].feed || KINDS[kind].ids === 'country') continue;
    for (const entry of content[kind]) owners.set(`${entityPath(kind, entry.id)}rss.xml`, `the site's feed for ${entry.file}`);
  }
  for (const code of countriesWithPages(content)) {
    owners.set(entityPath('countries', code), `the site's page for the country ${code.toUpperCase()}`);
    entityPages.set(entityPath('countries', code), `the site's page for the country ${code.toUpperCase()}`);
    owners.set(`${entityPath('countries', code)}rss.xml`, `the site's feed for the country ${code.toUpperCase()}`);
  }
}

export function checkUrls(content: ValidContent, errors: ContentError[], lines: LineFinders) {
  const owners = new Map<string, string>(); // URL path → who claims it
  for (const page of FIXED_PAGES) owners.set(page, `the site's own ${page} page`);
  const entityPages = new Map<string, string>(); // an entity's page → its file, for the folder below it
  claimEntityPages(content, owners, entityPages);
  for (const article of content.articles) owners.set(articlePath(article.id), article.file);
  const viaAlias = new Set<string>(); // paths claimed by an alias rather than a page
  for (const article of content.articles) {
    article.data.aliases?.forEach((alias, index) => {
      const path = normalizePath(alias);
      const owner = owners.get(path) ?? generatedOwner(path, entityPages);
      const line = lineIn(lines, article.file, ['aliases', index]);
      if (owner === article.file) {
        errors.push({ file: article.file, line, field: `aliases[${index}]`, message: `"${alias}" is this article's own URL` });
      } else if (owner) {
        errors.push({ file: article.file, line, field: `aliases[${index}]`, message: `"${alias}" is also claimed by ${owner}` });
        if (!owner.startsWith("the site's")) {
          errors.push({ file: owner, message: `${viaAlias.has(path) ? 'its alias' : 'its URL'} ${path} is also claimed as an alias by ${article.file}` });
        }
      } else {
        owners.set(path, article.file);
        viaAlias.add(path);
      }
    });
  }
}
