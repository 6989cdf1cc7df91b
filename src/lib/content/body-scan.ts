import { markdownToMdast, mdxToMdast } from 'satteri';
import { extractQuotes, mayHaveQuotes, type MdNode } from './quote-syntax.ts';

/** One attribute of one MDX component in an article body. */
export interface ComponentUse {
  component: string;
  attributes: Record<string, string | true | undefined>;
  line: number;
  /** `attribution`: a Markdown blockquote's `— @person-id` line, checked like `<Quote by>`. */
  syntax?: 'attribution';
}

export interface BodyScan {
  components: ComponentUse[];
  syntaxErrors: { line: number; message: string }[];
}

interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/**
 * Finds the MDX components an article uses, with their lines, by parsing the
 * file as MDX (Sätteri, the parser Astro itself uses). Syntax errors come back
 * with their line instead of being thrown, so every file gets reported.
 */
export function scanMdx(source: string): BodyScan {
  // Bodies with no JSX, expressions or ESM cannot fail MDX parsing or use components.
  if (!/[<{]|^(?:import|export)\s/m.test(source) && !mayHaveQuotes(source)) return { components: [], syntaxErrors: [] };
  let tree: Node;
  try {
    tree = mdxToMdast(source) as unknown as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(message);
    return {
      components: [],
      syntaxErrors: [{ line: at ? Number(at[1]) : 1, message: at ? message.slice(at[0].length) : message }],
    };
  }
  const components: ComponentUse[] = [];
  const visit = (node: Node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const attributes: ComponentUse['attributes'] = {};
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        attributes[attribute.name] = typeof attribute.value === 'string' ? attribute.value : attribute.value == null ? true : undefined;
      }
      components.push({ component: node.name, attributes, line: node.position?.start.line ?? 1 });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return { components: [...components, ...attributions(tree)], syntaxErrors: [] };
}

/** The quote attributions (`> — @person-id, role, date`) of a plain Markdown file, with their lines. */
export function scanMarkdown(source: string): BodyScan {
  if (!mayHaveQuotes(source)) return { components: [], syntaxErrors: [] };
  return { components: attributions(markdownToMdast(source) as unknown as Node), syntaxErrors: [] };
}

function attributions(tree: Node): ComponentUse[] {
  return extractQuotes(tree as MdNode)
    .filter((quote) => quote.syntax === 'attribution')
    .map((quote) => ({
      component: 'Quote',
      syntax: 'attribution' as const,
      attributes: { by: quote.by, role: quote.role, date: quote.date },
      line: quote.line ?? 1,
    }));
}
