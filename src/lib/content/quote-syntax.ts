/**
 * Attributed quotations in an article body, read from its parsed Markdown
 * tree (mdast, as Sätteri produces it). Two ways to write one:
 *
 * - MDX: `<Quote by="person-id" role="…" date="…">words</Quote>`, as a block
 *   (its own paragraphs) or inline inside a sentence.
 * - Plain Markdown: a blockquote whose last line is the attribution,
 *
 *       > The quoted words.
 *       >
 *       > — @person-id, role at the time, 2018-07-11
 *
 *   The line starts with a dash (`—`, `–` or `--`) and `@` plus the person's
 *   id; a role and a date (year, month or day) may follow, separated by
 *   commas. The date is the last part when it looks like one.
 *
 * The same extraction feeds the renderer (anchor ids, figure markup), the
 * build-time ledger and validation, so the three always agree.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { jsxText } from './components.ts';

/** The parts of an mdast node this module reads. */
export interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: readonly { type: string; name?: string; value?: unknown }[];
  children?: readonly MdNode[];
  position?: { start: { line: number } };
}

export interface QuoteAttribution {
  by: string;
  role?: string;
  /** The date as written; checked by validation, parsed by the ledger. */
  date?: string;
}

export interface ExtractedQuote extends QuoteAttribution {
  /** Anchor id, `quote-<person>-<n>`: the n-th quote of that person in document order. */
  id: string;
  /** The person's first quotation in the document: the one that tags the page for search. */
  first: boolean;
  syntax: 'component' | 'attribution';
  /** A `<Quote>` inside a sentence: rendered as `<q>`, no caption. */
  inline: boolean;
  /** The quoted words as plain text; paragraphs separated by a blank line. */
  text: string;
  /** Line of the `<Quote>` tag or of the attribution line, when the tree has positions. */
  line?: number;
  /** The `<Quote>` element or the blockquote. */
  node: MdNode;
  /** For a blockquote: its content without the attribution line. */
  quoted: MdNode[];
}

const DASH_AT = /^\s*(?:—|–|―|-{2,3})\s*@/;
const ATTRIBUTION = /^\s*(?:—|–|―|-{2,3})\s*@([^\s,]+)\s*(?:,(.*))?$/s;
const DATE_LIKE = /^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$/;

/**
 * Reads an attribution line: `— @ali-akbar-velayati, adviser, 2018-07-12`.
 * Undefined when the text is not one.
 */
export function parseAttribution(text: string): QuoteAttribution | undefined {
  const match = ATTRIBUTION.exec(text.replace(/\s+/g, ' '));
  if (!match) return undefined;
  const parts = (match[2] ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const date = parts.length > 0 && DATE_LIKE.test(parts.at(-1)!) ? parts.pop() : undefined;
  const role = parts.join(', ');
  return { by: match[1]!, ...(role ? { role } : {}), ...(date ? { date } : {}) };
}

const INLINE_SKIP = new Set(['mdxTextExpression', 'mdxFlowExpression', 'mdxjsEsm', 'html', 'yaml', 'toml', 'footnoteReference']);
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);

/** The text of phrasing content, whitespace collapsed. */
function inlineText(nodes: readonly MdNode[]): string {
  const gather = (node: MdNode): string => {
    if (INLINE_SKIP.has(node.type)) return '';
    if (node.type === 'break') return ' ';
    if (typeof node.value === 'string' && !node.children) return node.value;
    return (node.children ?? []).map(gather).join('');
  };
  return nodes.map(gather).join('').replace(/\s+/g, ' ').trim();
}

/** The text of flow content: one entry per paragraph (or other phrasing block). */
function blockText(nodes: readonly MdNode[]): string {
  const blocks: string[] = [];
  let run: MdNode[] = []; // phrasing directly inside a flow element (`<Quote>words</Quote>` on one line)
  const flush = () => {
    const text = inlineText(run);
    if (text) blocks.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (PHRASING_PARENTS.has(node.type)) {
      flush();
      const text = inlineText(node.children ?? []);
      if (text) blocks.push(text);
    } else if (node.children && !['link', 'emphasis', 'strong', 'delete', 'mdxJsxTextElement'].includes(node.type)) {
      flush();
      const text = blockText(node.children);
      if (text) blocks.push(text);
    } else {
      run.push(node);
    }
  }
  flush();
  return blocks.join('\n\n');
}

/**
 * Quotation marks and the comma that closes a quoted sentence belong to the
 * reporting text, not to what was said: `“Words,”` is stored as `Words`.
 */
export function cleanQuoteText(text: string): string {
  return text
    .split('\n\n')
    .map((paragraph) => {
      const opening = /^\s*["“”„«‘'‹]+\s*/.exec(paragraph)?.[0] ?? '';
      // A closing ’ is an apostrophe ("the countries’") unless a single mark opened the quote.
      const closing = /[‘']/.test(opening) ? /\s*["“”»’'›]+$/ : /\s*["“”»›]+$/;
      return paragraph.slice(opening.length).trim().replace(closing, '').replace(/[,;:]$/, '').trim();
    })
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The attribution at the end of a blockquote, and what is left of the
 * blockquote without it. The attribution is either the whole last paragraph
 * or the last line of it (a line break, then the dash and `@id`).
 */
function splitBlockquote(blockquote: MdNode): { attribution: QuoteAttribution; quoted: MdNode[]; line?: number } | undefined {
  const children = blockquote.children ?? [];
  const last = children.at(-1);
  if (!last || last.type !== 'paragraph' || !last.children?.length) return undefined;
  const line = last.position?.start.line;
  const whole = parseAttribution(inlineText(last.children));
  if (whole) {
    const quoted = children.slice(0, -1);
    return quoted.length ? { attribution: whole, quoted, ...(line ? { line } : {}) } : undefined;
  }
  // The attribution on the last line of the quotation's own paragraph.
  const parts = last.children;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (part.type !== 'text' || typeof part.value !== 'string') continue;
    const breakAt = part.value.lastIndexOf('\n');
    if (breakAt < 0) continue;
    const tail = { type: 'text', value: part.value.slice(breakAt + 1) };
    if (!DASH_AT.test(tail.value)) return undefined;
    const attribution = parseAttribution(inlineText([tail, ...parts.slice(i + 1)]));
    const before = part.value.slice(0, breakAt).replace(/\s+$/, '');
    const head = [...parts.slice(0, i), ...(before ? [{ type: 'text', value: before }] : [])];
    if (!attribution || !inlineText(head)) return undefined;
    const lines = part.value.slice(0, breakAt + 1).split('\n').length - 1;
    const at = part.position ? part.position.start.line + lines : undefined;
    return { attribution, quoted: [...children.slice(0, -1), { type: 'paragraph', children: head }], ...(at ? { line: at } : {}) };
  }
  return undefined;
}

/**
 * Every attributed quotation in a parsed body, in document order, with its
 * anchor id. A `<Quote>` without a quoted `by` is left to validation.
 * Quotations are not looked for inside other quotations.
 */
export function extractQuotes(tree: MdNode): ExtractedQuote[] {
  const quotes: ExtractedQuote[] = [];
  const counts = new Map<string, number>();
  const anchor = (by: string) => {
    const n = (counts.get(by) ?? 0) + 1;
    counts.set(by, n);
    return { id: `quote-${by}-${n}`, first: n === 1 };
  };
  const visit = (node: MdNode) => {
    const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    if (isElement && node.name === 'Quote') {
      const by = jsxText(node, 'by');
      if (by === undefined) return;
      const role = jsxText(node, 'role');
      const date = jsxText(node, 'date');
      const inline = node.type === 'mdxJsxTextElement';
      const children = node.children ?? [];
      const line = node.position?.start.line;
      quotes.push({
        ...anchor(by), syntax: 'component', inline, by,
        ...(role ? { role } : {}), ...(date ? { date } : {}),
        text: cleanQuoteText(inline ? inlineText(children) : blockText(children)),
        ...(line ? { line } : {}), node, quoted: [...children],
      });
      return;
    }
    if (node.type === 'blockquote') {
      const split = splitBlockquote(node);
      if (split) {
        const { attribution, quoted, line } = split;
        quotes.push({
          ...anchor(attribution.by), syntax: 'attribution', inline: false, ...attribution,
          text: cleanQuoteText(blockText(quoted)), ...(line ? { line } : {}), node, quoted,
        });
        return;
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return quotes;
}

/**
 * Whether a body can hold a quotation at all: a cheap test on the raw text so
 * that bodies without one are never parsed. Extraction itself always works on
 * the parsed tree.
 */
export function mayHaveQuotes(source: string): boolean {
  return source.includes('<Quote') || (source.includes('>') && source.includes('@'));
}

/** Astro's Markdown features (GFM, smart punctuation), so extracted text reads as the page does. */
const FEATURES = { gfm: true, smartPunctuation: true };

/** What the quote ledger keeps of a quotation: plain data, no tree. */
export const ledgerFields = ({ id, by, role, date, text, inline }: ExtractedQuote) => ({ id, by, role, date, text, inline });

/**
 * Parses a body with Sätteri, the parser Astro renders it with, and extracts
 * its quotations. `line`s count from the first line of `source`.
 */
export function quotesInSource(source: string, format: 'md' | 'mdx', options: { positions?: boolean } = {}): ExtractedQuote[] {
  if (!mayHaveQuotes(source)) return [];
  const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
  return extractQuotes(parse(source, { features: FEATURES, position: options.positions ?? false }) as unknown as MdNode);
}
