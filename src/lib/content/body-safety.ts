import { markdownToMdast, mdxToMdast } from 'satteri';
import { Parser } from 'htmlparser2';
import { bidiProblem, OVERRIDES } from '../core/bidi.ts';

/**
 * What an entry's body may not contain, checked before anything is built:
 * markup that would run script in a reader's browser or load something from
 * another site (which would tell that site who reads the page), and bodies
 * too large to be an article. Each problem comes with its line, so the build
 * stops with a message an author can act on instead of publishing it.
 *
 * Plain text is never a problem: `<script>` written in prose or in a code span
 * is shown as the characters typed, because Markdown and Astro escape text.
 */

/** An article is text; a million bytes is some 150,000 words. */
export const MAX_BODY_BYTES = 1_000_000;

export interface BodyProblem {
  line?: number;
  message: string;
}

/** Elements that run script, embed another document, or change how the whole page loads or looks. */
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'base', 'form', 'portal', 'noscript', 'template',
  // Inline drawings and formulas have their own ways to link and animate attributes; a picture goes in a file.
  'svg', 'math',
]);

/** Attributes holding a link a reader follows. */
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href', 'action', 'formaction', 'cite']);
/** Attributes holding an address the browser loads by itself, as the page opens. */
const LOAD_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background', 'imagesrcset', 'ping']);

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

const quote = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);

/** The scheme a browser would see: it ignores spaces and control characters around and inside it. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase();
}

function linkProblem(url: string): string | undefined {
  const scheme = schemeOf(url);
  if (scheme === undefined || LINK_SCHEMES.has(scheme)) return undefined;
  return `the link ${quote(url)} is not allowed: only http:, https:, mailto: and tel: addresses and paths on this site can be linked`;
}

/** A resource the page would load: only the site's own files, never another site or a script URL. */
function loadProblem(url: string, what: string): string | undefined {
  const candidates = what === 'srcset' || what === 'imagesrcset' ? url.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [url];
  for (const candidate of candidates) {
    const normalized = candidate.replace(/[\u0000-\u0020\u007f]/g, '').replace(/\\/g, '/');
    if (schemeOf(candidate) === undefined && !normalized.startsWith('//')) continue;
    return /^(https?:)?\/\//i.test(normalized)
      ? `${quote(candidate)} would be loaded from another site as the page opens, telling that site who reads it; copy the file into public/ and use its path`
      : `${quote(candidate)} is not allowed: pages load only their own site's files`;
  }
  return undefined;
}

interface Tag {
  name: string;
  /** `value` is undefined when MDX computes it (`{…}`); `spread` for `{...props}`. */
  attributes: { name: string; value: string | undefined; spread?: boolean }[];
  line: number;
}

function tagProblems(tag: Tag): BodyProblem[] {
  const element = tag.name.toLowerCase();
  const at = (message: string) => ({ line: tag.line, message });
  if (FORBIDDEN_ELEMENTS.has(element)) {
    return [at(element === 'script'
      ? '<script> is not allowed: it would run in readers\' browsers (to show code, put it in `backticks`)'
      : `<${element}> is not allowed: it would run or load something beyond the article's text; link to it instead`)];
  }
  const problems: BodyProblem[] = [];
  for (const { name, value, spread } of tag.attributes) {
    const attribute = name.toLowerCase();
    if (spread) {
      problems.push(at(`attributes spread from an expression on <${element}> cannot be checked; write each attribute out`));
    } else if (attribute.startsWith('on')) {
      problems.push(at(`the ${attribute} attribute of <${element}> is not allowed: it would run script in readers' browsers`));
    } else if (attribute === 'style') {
      problems.push(at(`the style attribute of <${element}> is not allowed: the site's Content-Security-Policy refuses inline styles`));
    } else if (LINK_ATTRIBUTES.has(attribute) || LOAD_ATTRIBUTES.has(attribute)) {
      if (value === undefined) {
        problems.push(at(`the ${attribute} attribute of <${element}> must be written as quoted text, so it can be checked`));
        continue;
      }
      const problem = LOAD_ATTRIBUTES.has(attribute) ? loadProblem(value, attribute) : linkProblem(value);
      if (problem) problems.push(at(`<${element} ${attribute}>: ${problem}`));
    }
  }
  return problems;
}

/** The tags in a piece of raw HTML from a Markdown file, with their lines (`line` is the first line of the piece). */
function htmlTags(html: string, line: number): Tag[] {
  const tags: Tag[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      const offset = html.slice(0, parser.startIndex).split('\n').length - 1;
      tags.push({ name, attributes: Object.entries(attributes).map(([n, value]) => ({ name: n, value })), line: line + offset });
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return tags;
}

interface Node {
  type: string;
  url?: string;
  value?: unknown;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** An HTML element written in MDX: lower-case JSX (`<img …/>`); components start with a capital. */
function jsxTag(node: Node, line: number): Tag {
  return {
    name: node.name ?? '',
    line,
    attributes: (node.attributes ?? []).map((attribute) => attribute.type === 'mdxJsxAttribute'
      ? { name: attribute.name ?? '', value: typeof attribute.value === 'string' ? attribute.value : attribute.value == null ? '' : undefined }
      : { name: '', value: undefined, spread: true }),
  };
}

function markupProblems(tree: Node, options: BodyOptions): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const visit = (node: Node) => {
    const line = node.position?.start.line ?? 1;
    if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') {
      const problem = linkProblem(node.url);
      if (problem) problems.push({ line, message: problem });
    } else if (node.type === 'image' && typeof node.url === 'string' && !(options.remotePictures && /^(https?:)?\/\//i.test(node.url.trim()))) {
      const problem = loadProblem(node.url, 'src');
      if (problem) problems.push({ line, message: `the image ${problem}` });
    } else if (node.type === 'html' && typeof node.value === 'string') {
      for (const tag of htmlTags(node.value, line)) problems.push(...tagProblems(tag));
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[a-z]/.test(node.name)) {
      problems.push(...tagProblems(jsxTag(node, line)));
    } else if (node.type === 'mdxjsEsm') {
      // An article is rendered on its own when content loads, not bundled (src/lib/markdown/mdx-articles.ts).
      problems.push({ line, message: 'an `import` or `export` is not allowed in an article: it is rendered on its own, with the components Chronicle provides (<Quote>, <Figure>, <Timeline>)' });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}

/** The 1-based line of a character offset. */
const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

export interface BodyOptions {
  mdx: boolean;
  /** An article's Markdown images on other sites are left to check-pictures.ts, which knows the trusted hosts. */
  remotePictures?: boolean;
}

/**
 * Checks the body of one content file. `source` is the whole file (so lines
 * are the file's own); `body` is its text after the frontmatter.
 */
export function checkBody(source: string, body: string, options: BodyOptions): BodyProblem[] {
  const bytes = new TextEncoder().encode(body).length;
  if (bytes > MAX_BODY_BYTES) {
    return [{ message: `is ${(bytes / 1_000_000).toFixed(1)} MB; expected at most ${MAX_BODY_BYTES / 1_000_000} MB (split a very long text into several articles)` }];
  }
  const problems: BodyProblem[] = [];
  // Overrides disguise text; embeddings and isolates are left to the paragraph they are in.
  const override = /[\u202d\u202e]/.exec(body);
  if (override) {
    const line = lineAt(source, source.length - body.length + override.index);
    const lineText = body.split('\n')[lineAt(body, override.index) - 1] ?? '';
    problems.push({ line, message: (bidiProblem(lineText, OVERRIDES) ?? '').replace(/at character \d+/, 'on this line') });
  }
  // Only raw HTML, JSX, links and images can hold what is checked below.
  if (!/[<\]]/.test(body) && !(options.mdx && /^(?:import|export)\s/m.test(body))) return problems;
  let tree: Node;
  try {
    tree = (options.mdx ? mdxToMdast(source) : markdownToMdast(source)) as unknown as Node;
  } catch {
    return problems; // MDX syntax errors are reported by the component scan, with their line.
  }
  return [...problems, ...markupProblems(tree, options)];
}
