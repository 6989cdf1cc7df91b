import { LineCounter, parseDocument } from 'yaml';

/** A content file split into its parsed frontmatter and its body. */
export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** The 1-based line of a frontmatter field (`['topics', 1]`), when it can be found. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** YAML syntax errors with their 1-based line in the file. */
  syntaxErrors: { line: number; message: string }[];
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/**
 * Reads frontmatter with the YAML core schema, so `2018-02-30` stays the text
 * the author typed (a timestamp-aware parser would roll it over to 2 March).
 */
export function parseFrontmatter(source: string): ParsedFile {
  const text = source.replace(/^\uFEFF/, '');
  const match = text.startsWith('---') ? FENCE.exec(text) : null;
  if (!match || match.index !== 0) {
    return { data: {}, body: text, lineOf: () => undefined, syntaxErrors: [] };
  }
  const yamlText = match[1] ?? '';
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const offsetLine = (offset: number) => counter.linePos(offset).line + 1; // +1 for the opening fence
  const syntaxErrors = doc.errors.map((error) => ({
    line: offsetLine(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  const parsed: unknown = syntaxErrors.length ? {} : doc.toJS();
  const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  if (!syntaxErrors.length && parsed !== null && parsed !== undefined && data !== parsed) {
    syntaxErrors.push({ line: 2, message: 'frontmatter must be a set of fields (key: value)' });
  }
  return {
    data,
    body: text.slice(match[0].length),
    syntaxErrors,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return offsetLine(node.range[0]);
        // A missing field: point at its parent object when there is one.
      }
      return undefined;
    },
  };
}

/** The body of a content file, without its frontmatter, and without parsing the YAML. */
export function bodyOf(source: string): string {
  const text = source.replace(/^\uFEFF/, '');
  const match = text.startsWith('---') ? FENCE.exec(text) : null;
  return match && match.index === 0 ? text.slice(match[0].length) : text;
}
