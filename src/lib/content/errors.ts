/** One problem in one content file. */
export interface ContentError {
  /** The file, relative to the repository root (or the content folder's parent). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field, e.g. `topics[1]` or `source.url`; absent for file-level problems. */
  field?: string;
  message: string;
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) =>
    typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key), '');
}

function sortErrors(errors: ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Every problem of a build in one report, grouped by file, each line starting
 * with `file:line` so terminals and editors can jump to it.
 */
export function formatReport(errors: ContentError[], outcome = 'nothing was built'): string {
  const sorted = sortErrors(errors);
  const files = new Set(sorted.map((e) => e.file));
  const lines = [
    `Chronicle found ${sorted.length} content ${sorted.length === 1 ? 'problem' : 'problems'} in ${files.size} ${files.size === 1 ? 'file' : 'files'}; ${outcome}.`,
  ];
  let current = '';
  for (const error of sorted) {
    if (error.file !== current) {
      current = error.file;
      lines.push('', error.file);
    }
    const where = `${error.file}${error.line ? `:${error.line}` : ''}`;
    lines.push(`  ${where}  ${error.field ? `${error.field}: ` : ''}${error.message}`);
  }
  return lines.join('\n');
}

/**
 * Thrown once per build with every problem found. The list is `problems`, not
 * `errors`: Astro reads an `errors` array on a thrown error as esbuild's build
 * errors and prints the first one's message instead of the report.
 */
export class ContentValidationError extends Error {
  readonly problems: ContentError[];
  constructor(problems: ContentError[]) {
    super(formatReport(problems));
    this.name = 'ContentValidationError';
    this.problems = sortErrors(problems);
  }
}
