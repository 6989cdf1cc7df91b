/**
 * Class-based syntax highlighting for code blocks in Markdown and MDX.
 *
 * Astro highlights code with Shiki, which colours each token through an
 * inline `style=""` attribute. The site's Content-Security-Policy allows
 * stylesheets from 'self' only (src/lib/site/csp.ts) and the project forbids
 * inline styles, so this Shiki transformer runs last and turns each style
 * into class names instead: with Astro's `css-variables` theme a token's
 * colour is `var(--astro-code-token-keyword)`, which becomes the class
 * `tok-keyword`; src/styles/code.css colours those classes for light and
 * dark mode. Shiki builds the tree from text nodes, so the code itself is
 * always escaped, whatever language an author names.
 */

/** The part of a hast element this transformer reads and writes. */
interface HastNode {
  type: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const TOKEN_COLOUR = /^var\(--astro-code-token-([a-z-]+)\)$/;

/** Class names for one inline style; declarations with no class (layout, the base colours) are left to the stylesheet. */
export function styleToClasses(style: string): string[] {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim().toLowerCase();
    if (name === 'color') {
      const token = TOKEN_COLOUR.exec(value)?.[1];
      if (token) classes.push(`tok-${token}`);
    } else if (name === 'font-style' && value === 'italic') classes.push('tok-italic');
    else if (name === 'font-weight' && value === 'bold') classes.push('tok-bold');
    else if (name === 'text-decoration' && value.includes('underline')) classes.push('tok-underline');
    else if (name === 'user-select' && value === 'none') classes.push('tok-unselectable');
  }
  return classes;
}

function classList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

/** Replaces every `style` in the tree with classes, in place. */
export function stylesToClasses(node: HastNode): void {
  const props = node.properties;
  if (props && 'style' in props) {
    const added = typeof props.style === 'string' ? styleToClasses(props.style) : [];
    delete props.style;
    if (added.length > 0) props.class = [...new Set([...classList(props.class ?? props.className), ...added])].join(' ');
    if ('className' in props && 'class' in props) delete props.className;
  }
  for (const child of node.children ?? []) stylesToClasses(child);
}

/**
 * Shiki stops tokenizing a line after 500 ms by default and leaves the rest
 * of it in one colour, so a busy build machine would highlight the same code
 * differently from one build to the next. A line is instead given up to ten
 * seconds (a bound, still, against a pathological line), and lines longer
 * than any real code line are left plain, which is decided by length alone.
 */
export const TOKENIZE_LIMITS = { tokenizeTimeLimit: 10_000, tokenizeMaxLineLength: 4_000 };

/** A Shiki transformer; its `root` hook runs after Astro's own, which add styles to `<pre>`. */
export function classTokens() {
  return {
    name: 'chronicle-class-tokens',
    // Astro passes no tokenizer options through, but every hook sees the options object Shiki tokenizes with.
    preprocess(code: string, options: object) {
      Object.assign(options, TOKENIZE_LIMITS);
      return code;
    },
    root(tree: HastNode) {
      stylesToClasses(tree);
      // code.css wraps long lines instead of scrolling, so the block needs no keyboard stop of its own.
      for (const pre of tree.children ?? []) if (pre.properties) delete pre.properties.tabindex;
    },
  };
}
