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
import { bodyOf, parseFrontmatter, type ParsedFile } from './frontmatter.ts';
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

/** What validating one file found, as far as it depends on the file alone. */
interface FileOutcome {
  problems: { field: string | undefined; message: string; line: number | undefined }[];
  lineOf: (path: readonly (string | number)[]) => number | undefined;
  scan?: BodyScan;
  /** The schema's output, when the file passed its schema. */
  data?: unknown;
  /** The ids the file names, when its frontmatter could be read. */
  refs?: ReferenceHolder['refs'];
}

/**
 * Each file's outcome by display path, with a digest of the text it came
 * from (made by the caller's `digest`, e.g. SHA-1: this module also runs in
 * the browser); `lineOf` is not kept (it holds the parsed YAML).
 */
export interface ValidationMemo {
  digest(source: string): string;
  files: Map<string, { collection: KindName; digest: string; outcome: Omit<FileOutcome, 'lineOf'> }>;
}

function fileOutcome(file: SourceFile, memo: ValidationMemo | undefined): FileOutcome {
  const digest = memo ? memo.digest(file.source) : '';
  const kept = memo?.files.get(file.displayPath);
  if (kept && kept.digest === digest && kept.collection === file.collection) {
    // Lines are looked up only for problems found across files: parse again only then.
    let parsed: ParsedFile | undefined;
    return { ...kept.outcome, lineOf: (path) => (parsed ??= parseFrontmatter(file.source)).lineOf(path) };
  }
  const outcome = parseFile(file);
  const { lineOf: _lineOf, ...plain } = outcome;
  memo?.files.set(file.displayPath, { collection: file.collection, digest, outcome: plain });
  return outcome;
}

function parseFile(file: SourceFile): FileOutcome {
  const problems: FileOutcome['problems'] = [];
  const report = (field: string | undefined, message: string, line?: number) => problems.push({ field, message, line });
  const parsed = parseFrontmatter(file.source);
  const outcome: FileOutcome = { problems, lineOf: parsed.lineOf };
  if (parsed.syntaxErrors.length) {
    for (const e of parsed.syntaxErrors) report(undefined, `invalid YAML frontmatter: ${e.message}`, e.line);
    return outcome;
  }
  const mdx = /\.mdx$/i.test(file.path);
  // Script, third-party loads and oversized bodies stop the build (body-safety.ts).
  for (const problem of checkBody(file.source, parsed.body, { mdx, remotePictures: file.collection === 'articles' })) report('body', problem.message, problem.line);
  if (file.collection === 'articles') {
    outcome.scan = mdx ? scanMdx(file.source) : scanMarkdown(file.source);
    for (const e of outcome.scan.syntaxErrors) report(undefined, `invalid MDX: ${e.message}`, e.line);
  }
  const schema = SCHEMAS[file.collection];
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) {
    for (const issue of describeIssues(result.error.issues, (path) => fieldsAt(schema, path))) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      report(fieldName(path), issue.message, parsed.lineOf(path));
    }
    // Still check the references it holds, so one run reports everything.
    outcome.refs = referencesOf(parsed.data);
    return outcome;
  }
  outcome.data = result.data;
  outcome.refs = referencesOf(result.data as Record<string, unknown>);
  return outcome;
}

/**
 * Validates every file (schemas per file, then the rules across files). With
 * a `memo` kept from an earlier run (the dev server, after an edit), a file
 * whose text is unchanged is not parsed again: its own problems, scan and
 * data are taken from the memo, and only the rules across files run on all.
 */
export function validateContent(files: readonly SourceFile[], memo?: ValidationMemo): ValidationResult {
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

    const outcome = fileOutcome(file, memo);
    lineFinders.set(file.displayPath, outcome.lineOf);
    for (const problem of outcome.problems) report(problem.field, problem.message, problem.line);
    if (outcome.scan) scans.set(file.displayPath, outcome.scan);
    if (outcome.data !== undefined) (content[file.collection] as Entry<unknown>[]).push({ id, file: file.displayPath, data: outcome.data, body: bodyOf(file.source) });
    if (outcome.refs) holders.push({ collection: file.collection, id, file: file.displayPath, refs: outcome.refs });
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
