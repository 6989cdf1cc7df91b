/**
 * The one validation pass shared by the build, `npm run check`, the dev
 * server and the tests: schemas per file, then the rules that need the whole
 * archive (references with the closest existing id, URL collisions, topic
 * cycles, components in MDX bodies). Every problem is collected; nothing is
 * thrown here. Its output, the valid entries, is what every later stage reads.
 */
import { SCHEMAS } from '../../schemas/index.ts';
import { KIND_NAMES, KINDS, type KindName } from '../core/kinds.ts';
import { entryIdFromPath, ID_PATTERN } from '../core/ids.ts';
import { articlePath } from '../core/urls.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { scanMarkdown, scanMdx, type BodyScan } from './body-scan.ts';
import { checkBody } from './body-safety.ts';
import { describeIssues } from './zod-issues.ts';
import { fieldsAt } from './schema-fields.ts';
import { fieldName, type ContentError } from './errors.ts';
import { checkReferences, referencesOf, type ReferenceHolder } from './check-references.ts';
import { checkCountryFiles, checkTopicCycles } from './check-entities.ts';
import { checkUrls } from './check-urls.ts';
import type { LineFinders } from './line-finders.ts';
import type { Entry, SourceFile, ValidContent, ValidationResult } from './entries.ts';

export type { Entry, SourceFile, ValidContent, ValidationResult } from './entries.ts';

const SLUG = /^[a-z][a-z0-9-]*$/;

/** Why a file's name cannot be its id, or undefined when it can. */
function badId(collection: KindName, id: string): string | undefined {
  const style = KINDS[collection].ids;
  if (style === 'slug' && !SLUG.test(id)) {
    return `the file name gives the id "${id}"; expected lower-case letters, digits and dashes, starting with a letter (e.g. "ali-akbar-velayati.md")`;
  }
  if (style === 'path' && !ID_PATTERN.test(id)) {
    return `the path gives the id "${id}"; expected lower-case letters, digits and dashes in each folder and file name`;
  }
  return undefined; // country codes are checked once every file is read (check-entities.ts)
}

export function validateContent(files: readonly SourceFile[]): ValidationResult {
  const errors: ContentError[] = [];
  const content = Object.fromEntries(KIND_NAMES.map((name) => [name, []])) as unknown as ValidContent;
  const lineFinders: LineFinders = new Map();
  const claimed = new Map<string, Map<string, string>>(); // collection → id → file
  const scans = new Map<string, BodyScan>(); // MDX article file → what its body uses
  const holders: ReferenceHolder[] = []; // every parsed file, valid or not, with the ids it names

  for (const file of files) {
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
    const idProblem = badId(file.collection, id);
    if (idProblem) {
      report(undefined, idProblem);
      continue;
    }

    const parsed = parseFrontmatter(file.source);
    lineFinders.set(file.displayPath, parsed.lineOf);
    if (parsed.syntaxErrors.length) {
      for (const e of parsed.syntaxErrors) report(undefined, `invalid YAML frontmatter: ${e.message}`, e.line);
      continue;
    }
    const mdx = /\.mdx$/i.test(file.path);
    // Script, third-party loads and oversized bodies stop the build (body-safety.ts).
    for (const problem of checkBody(file.source, parsed.body, { mdx, remotePictures: file.collection === 'articles' })) report('body', problem.message, problem.line);
    if (file.collection === 'articles') {
      const scan = mdx ? scanMdx(file.source) : scanMarkdown(file.source);
      scans.set(file.displayPath, scan);
      for (const e of scan.syntaxErrors) report(undefined, `invalid MDX: ${e.message}`, e.line);
    }
    const schema = SCHEMAS[file.collection];
    const result = schema.safeParse(parsed.data, { reportInput: true });
    const holder = { collection: file.collection, id, file: file.displayPath };
    if (!result.success) {
      for (const issue of describeIssues(result.error.issues, (path) => fieldsAt(schema, path))) {
        const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        report(fieldName(path), issue.message, parsed.lineOf(path));
      }
      // Still check the references it holds, so one run reports everything.
      holders.push({ ...holder, refs: referencesOf(parsed.data) });
      continue;
    }
    (content[file.collection] as Entry<unknown>[]).push({ id, file: file.displayPath, data: result.data, body: parsed.body });
    holders.push({ ...holder, refs: referencesOf(result.data as Record<string, unknown>) });
  }

  checkCountryFiles(content, errors);
  const known = (collection: KindName) => new Set(claimed.get(collection)?.keys() ?? []);
  checkReferences(holders, known, contentFolderOf(files), scans, errors, lineFinders);
  checkTopicCycles(content, errors, lineFinders);
  checkUrls(content, errors, lineFinders);
  return { errors, content };
}

/** The content folder as messages show it (`content/`), from any file's display path. */
function contentFolderOf(files: readonly SourceFile[]): string {
  const file = files[0];
  if (!file) return 'content/';
  const suffix = `${file.collection}/${file.path}`;
  return file.displayPath.endsWith(suffix) ? file.displayPath.slice(0, -suffix.length) : '';
}
