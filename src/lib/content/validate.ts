import { COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import type { ArticleData } from '../../schemas/article.ts';
import type { EventData } from '../../schemas/event.ts';
import type { CountryData, OrganizationData, PersonData, TopicData } from '../../schemas/entities.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { scanMarkdown, scanMdx, type BodyScan, type ComponentUse } from './body-scan.ts';
import { checkBody } from './body-safety.ts';
import { COMPONENT_DATES, COMPONENT_REFERENCES } from './components.ts';
import { closestId } from '../core/closest.ts';
import { describeIssues } from './zod-issues.ts';
import { fieldsAt } from './schema-fields.ts';
import { fieldName, type ContentError } from './errors.ts';
import { entryIdFromPath, ID_PATTERN } from '../core/ids.ts';
import { allCountryCodes, isCountryCode } from '../core/countries.ts';
import { parsePartialDate } from '../core/partial-date.ts';
import { articlePath, entityPath, FIXED_PAGES, normalizePath } from '../core/urls.ts';

/** A file found in a collection folder. */
export interface SourceFile {
  collection: CollectionName;
  /** Path inside the collection folder, e.g. `2018/07/slug.mdx`. */
  path: string;
  /** Path shown in messages, e.g. `content/articles/2018/07/slug.mdx`. */
  displayPath: string;
  source: string;
}

export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  body: string;
}

/** Everything that passed validation, typed per collection. */
export interface ValidContent {
  articles: Entry<ArticleData>[];
  events: Entry<EventData>[];
  topics: Entry<TopicData>[];
  people: Entry<PersonData>[];
  organizations: Entry<OrganizationData>[];
  countries: Entry<CountryData>[];
}

export interface ValidationResult {
  errors: ContentError[];
  content: ValidContent;
}

const REFERENCE_FIELDS = {
  topics: 'topics',
  people: 'people',
  organizations: 'organizations',
} as const satisfies Record<string, CollectionName>;

const SINGULAR: Record<CollectionName, string> = {
  articles: 'article', events: 'event', topics: 'topic', people: 'person', organizations: 'organization', countries: 'country',
};

/**
 * The one validation pass shared by the build, `npm run check` and the tests:
 * schemas per file, then the rules that need the whole archive (references
 * with the closest existing id, URL collisions, topic cycles, components in
 * MDX bodies). Every problem is collected; nothing is thrown here.
 */
export function validateContent(files: readonly SourceFile[]): ValidationResult {
  const errors: ContentError[] = [];
  const content: ValidContent = { articles: [], events: [], topics: [], people: [], organizations: [], countries: [] };
  const lineFinders = new Map<string, (path: readonly (string | number)[]) => number | undefined>();
  const claimed = new Map<string, Map<string, string>>(); // collection → id → file
  const scans = new Map<string, BodyScan>(); // MDX article file → what its body uses
  const holders: ReferenceHolder[] = []; // every parsed file, valid or not, with the ids it names

  for (const file of files) {
    const spec = COLLECTIONS[file.collection];
    const id = entryIdFromPath(file.path);
    const report = (field: string | undefined, message: string, line?: number) =>
      errors.push({ file: file.displayPath, ...(line ? { line } : {}), ...(field ? { field } : {}), message });

    const ids = claimed.get(file.collection) ?? new Map<string, string>();
    claimed.set(file.collection, ids);
    const twin = ids.get(id);
    if (twin) {
      const message = file.collection === 'articles'
        ? `claims the URL ${articlePath(id)} that ${twin} also claims; rename one of the two files`
        : `has the id "${id}" that ${twin} also has; rename one of the two files`;
      report(undefined, message);
      errors.push({ file: twin, message: message.replace(twin, file.displayPath) });
      continue;
    }
    ids.set(id, file.displayPath);
    if (file.collection !== 'articles' && file.collection !== 'countries' && !/^[a-z][a-z0-9-]*$/.test(id)) {
      report(undefined, `the file name gives the id "${id}"; expected lower-case letters, digits and dashes, starting with a letter (e.g. "ali-akbar-velayati.md")`);
      continue;
    }
    if (file.collection === 'articles' && !ID_PATTERN.test(id)) {
      report(undefined, `the path gives the id "${id}"; expected lower-case letters, digits and dashes in each folder and file name`);
      continue;
    }

    const parsed = parseFrontmatter(file.source);
    lineFinders.set(file.displayPath, parsed.lineOf);
    if (parsed.syntaxErrors.length) {
      for (const e of parsed.syntaxErrors) report(undefined, `invalid YAML frontmatter: ${e.message}`, e.line);
      continue;
    }
    // Script, third-party loads and oversized bodies stop the build (src/lib/content/body-safety.ts).
    for (const problem of checkBody(file.source, parsed.body, { mdx: /\.mdx$/i.test(file.path) })) report('body', problem.message, problem.line);
    if (file.collection === 'articles') {
      const scan = /\.mdx$/i.test(file.path) ? scanMdx(file.source) : scanMarkdown(file.source);
      scans.set(file.displayPath, scan);
      for (const e of scan.syntaxErrors) report(undefined, `invalid MDX: ${e.message}`, e.line);
    }
    const result = spec.schema.safeParse(parsed.data, { reportInput: true });
    if (!result.success) {
      const issues = describeIssues(result.error.issues, (path) => fieldsAt(spec.schema, path));
      for (const issue of issues) {
        const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        report(fieldName(path), issue.message, parsed.lineOf(path));
      }
      // Still check the references it holds, so one run reports everything.
      holders.push({ collection: file.collection, id, file: file.displayPath, refs: referencesOf(parsed.data) });
      continue;
    }
    (content[file.collection] as Entry<unknown>[]).push({ id, file: file.displayPath, data: result.data, body: parsed.body });
    holders.push({ collection: file.collection, id, file: file.displayPath, refs: referencesOf(result.data as Record<string, unknown>) });
  }

  checkCountryFiles(content, errors);
  const known = (collection: CollectionName) => new Set(claimed.get(collection)?.keys() ?? []);
  checkReferences(holders, known, contentFolderOf(files), scans, errors, lineFinders);
  checkTopicCycles(content, errors, lineFinders);
  checkUrls(content, errors, lineFinders);
  return { errors, content };
}

function lineIn(lines: Map<string, (path: readonly (string | number)[]) => number | undefined>, file: string, path: (string | number)[]) {
  return lines.get(file)?.(path);
}

function checkCountryFiles(content: ValidContent, errors: ContentError[]) {
  for (const entry of content.countries) {
    if (!isCountryCode(entry.id.toUpperCase()) || entry.id !== entry.id.toLowerCase() || entry.id.includes('/')) {
      errors.push({ file: entry.file, message: `the file name "${entry.id}" is not an ISO 3166-1 alpha-2 code; expected a name like "ir.md"` });
    }
  }
}

/** The content folder as messages show it (`content/`), from any file's display path. */
function contentFolderOf(files: readonly SourceFile[]): string {
  const file = files[0];
  if (!file) return 'content/';
  const suffix = `${file.collection}/${file.path}`;
  return file.displayPath.endsWith(suffix) ? file.displayPath.slice(0, -suffix.length) : '';
}

/** The ids one file refers to, read defensively so a file that failed its schema can still be checked. */
interface References {
  topics?: string[];
  people?: string[];
  organizations?: string[];
  events?: (string | References)[];
  translationOf?: string;
  parent?: string;
}

interface ReferenceHolder {
  collection: CollectionName;
  id: string;
  file: string;
  refs: References;
}

const idList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && ID_PATTERN.test(v)) : undefined;
const oneId = (value: unknown): string | undefined => (typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined);

function referencesOf(data: Record<string, unknown>): References {
  const refs: References = {};
  for (const field of ['topics', 'people', 'organizations'] as const) {
    const list = idList(data[field]);
    if (list) refs[field] = list;
  }
  if (Array.isArray(data.events)) {
    refs.events = data.events.map((event) =>
      event && typeof event === 'object' ? referencesOf(event as Record<string, unknown>) : (oneId(event) ?? {}));
  }
  for (const field of ['translationOf', 'parent'] as const) {
    const id = oneId(data[field]);
    if (id) refs[field] = id;
  }
  return refs;
}

function checkReferences(
  holders: readonly ReferenceHolder[],
  knownIn: (collection: CollectionName) => Set<string>,
  contentFolder: string,
  scans: Map<string, BodyScan>,
  errors: ContentError[],
  lines: Map<string, (path: readonly (string | number)[]) => number | undefined>,
) {
  // Every file that exists counts as known, even one with its own errors: those are reported on that file.
  const known: Record<CollectionName, Set<string>> = {
    articles: knownIn('articles'),
    events: knownIn('events'),
    topics: knownIn('topics'),
    people: knownIn('people'),
    organizations: knownIn('organizations'),
    countries: new Set(), // any valid ISO code has a page; checked by the schema
  };
  const unknown = (collection: CollectionName, id: string) => {
    const suggestion = closestId(id, known[collection]);
    return `unknown ${SINGULAR[collection]} "${id}"${suggestion ? `; did you mean "${suggestion}"?` : `; there is no ${contentFolder}${collection}/${id}.md`}`;
  };
  const fail = (holder: ReferenceHolder, path: (string | number)[], message: string) =>
    errors.push({ file: holder.file, line: lineIn(lines, holder.file, path), field: fieldName(path), message });
  const checkInvolved = (holder: ReferenceHolder, base: (string | number)[], refs: References) => {
    for (const [field, collection] of Object.entries(REFERENCE_FIELDS)) {
      refs[field as keyof typeof REFERENCE_FIELDS]?.forEach((id, index) => {
        if (!known[collection].has(id)) fail(holder, [...base, field, index], unknown(collection, id));
      });
    }
  };

  for (const holder of holders) {
    const { refs } = holder;
    if (holder.collection === 'topics' && refs.parent && !known.topics.has(refs.parent)) {
      fail(holder, ['parent'], unknown('topics', refs.parent));
    }
    if (holder.collection !== 'articles' && holder.collection !== 'events') continue;
    checkInvolved(holder, [], refs);
    if (holder.collection !== 'articles') continue;
    refs.events?.forEach((event, index) => {
      if (typeof event !== 'string') checkInvolved(holder, ['events', index], event);
      else if (!known.events.has(event)) fail(holder, ['events', index], unknown('events', event));
    });
    if (refs.translationOf !== undefined) {
      if (refs.translationOf === holder.id) fail(holder, ['translationOf'], 'names this article itself; expected the id of the original article');
      else if (!known.articles.has(refs.translationOf)) fail(holder, ['translationOf'], unknown('articles', refs.translationOf));
    }
    checkComponents(holder.file, scans.get(holder.file)?.components ?? [], known, unknown, errors);
  }
}

function checkComponents(
  file: string,
  uses: readonly ComponentUse[],
  known: Record<CollectionName, Set<string>>,
  unknown: (collection: CollectionName, id: string) => string,
  errors: ContentError[],
) {
  const components = COMPONENT_REFERENCES as Record<string, Record<string, CollectionName>>;
  for (const use of uses) {
    const refs = components[use.component];
    if (!refs) {
      const suggestion = closestId(use.component, Object.keys(components));
      errors.push({ file, line: use.line, field: `<${use.component}>`, message: `unknown component${suggestion ? `; did you mean <${suggestion}>?` : `; expected one of ${Object.keys(components).map((c) => `<${c}>`).join(', ')}`}` });
      continue;
    }
    const named = Object.keys(refs).filter((attribute) => use.attributes[attribute] !== undefined);
    if (named.length === 0) {
      errors.push({ file, line: use.line, field: `<${use.component}>`, message: `names no ${Object.keys(refs).join(' or ')}; expected one, e.g. <${use.component} ${Object.keys(refs)[0]}="…">` });
    }
    for (const attribute of named) {
      const value = use.attributes[attribute];
      const collection = refs[attribute]!;
      const field = fieldOf(use, attribute);
      if (typeof value !== 'string') {
        errors.push({ file, line: use.line, field, message: 'expected a quoted id, e.g. by="ali-akbar-velayati"' });
      } else if (collection === 'countries' ? !isCountryCode(value.toUpperCase()) : !known[collection].has(value)) {
        errors.push({ file, line: use.line, field, message: collection === 'countries' ? `unknown country "${value}"; expected an ISO 3166-1 alpha-2 code like "IR"` : unknown(collection, value) });
      }
    }
    for (const attribute of COMPONENT_DATES[use.component] ?? []) {
      const value = use.attributes[attribute];
      if (value === undefined) continue;
      const parsed = parsePartialDate(value);
      if (!parsed.ok) errors.push({ file, line: use.line, field: fieldOf(use, attribute), message: `got ${JSON.stringify(value)}, expected ${parsed.expected}` });
    }
  }
}

/** How a message names what the author wrote: `<Quote by>`, or `quote attribution` for `> — @person-id`. */
function fieldOf(use: ComponentUse, attribute: string): string {
  if (use.syntax === 'attribution') return attribute === 'by' ? 'quote attribution' : `quote attribution ${attribute}`;
  return `<${use.component} ${attribute}>`;
}

function checkTopicCycles(content: ValidContent, errors: ContentError[], lines: Map<string, (path: readonly (string | number)[]) => number | undefined>) {
  const parent = new Map(content.topics.map((t) => [t.id, t.data.parent]));
  const files = new Map(content.topics.map((t) => [t.id, t.file]));
  const reported = new Set<string>();
  for (const topic of content.topics) {
    const chain: string[] = [];
    let current: string | undefined = topic.id;
    while (current !== undefined && !chain.includes(current)) {
      chain.push(current);
      current = parent.get(current);
    }
    if (current === undefined) continue;
    const cycle = chain.slice(chain.indexOf(current));
    if (!cycle.includes(topic.id) || cycle.some((id) => reported.has(id))) continue;
    cycle.forEach((id) => reported.add(id));
    const loop = [...cycle, cycle[0]].join(' → ');
    for (const id of cycle) {
      const file = files.get(id)!;
      errors.push({ file, line: lineIn(lines, file, ['parent']), field: 'parent', message: `topic parents form a cycle: ${loop}` });
    }
  }
}

/** Folders whose every address the site generates (pagination, year pages, search assets). */
const GENERATED_FOLDERS = ['/page/', '/timeline/', '/archive/', '/search/', '/quotes/', '/guide/', '/pagefind/', '/_astro/'];

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
  const entity = /^\/(?:topics|people|organizations|events|countries)\/[^/]+\//.exec(path)?.[0];
  const owner = entity && entity !== path ? entityPages.get(entity) : undefined;
  if (!owner) return undefined;
  return owner.startsWith("the site's") ? `${owner.replace("the site's page", "the site's pages")} (${entity}…)` : `the site's pages for ${owner} (${entity}…)`;
}

function checkUrls(content: ValidContent, errors: ContentError[], lines: Map<string, (path: readonly (string | number)[]) => number | undefined>) {
  const owners = new Map<string, string>(); // URL path → who claims it
  for (const page of FIXED_PAGES) owners.set(page, `the site's own ${page} page`);
  const entityPages = new Map<string, string>(); // an entity's page → its file, for the folder below it
  for (const collection of ['topics', 'people', 'organizations', 'events'] as const) {
    for (const entry of content[collection]) owners.set(entityPath(collection, entry.id), entry.file);
    for (const entry of content[collection]) entityPages.set(entityPath(collection, entry.id), entry.file);
  }
  for (const article of content.articles) owners.set(articlePath(article.id), article.file);
  // Generated URLs: the feeds of topics, people and organizations, and every country's page and feed.
  for (const collection of ['topics', 'people', 'organizations'] as const) {
    for (const entry of content[collection]) owners.set(`${entityPath(collection, entry.id)}rss.xml`, `the site's feed for ${entry.file}`);
  }
  for (const code of allCountryCodes()) {
    owners.set(entityPath('countries', code), `the site's page for the country ${code}`);
    entityPages.set(entityPath('countries', code), `the site's page for the country ${code}`);
    owners.set(`${entityPath('countries', code)}rss.xml`, `the site's feed for the country ${code}`);
  }
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
