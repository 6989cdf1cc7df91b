import type { MdastContent, MdastHookFn, MdastPluginDefinition, MdastTarget } from 'satteri';
import { extractQuotes, type ExtractedQuote, type MdNode, type QuoteAttribution } from '../content/quote-syntax.ts';
import { formatPartialDate, parsePartialDate } from '../core/partial-date.ts';
import { gregorianLocale } from '../core/dates.ts';
import { listSeparator, SITE_LANGUAGE } from '../core/language.ts';
import { componentsAsHtml } from './mdx-components.ts';
import { entityPath, joinBase } from '../core/urls.ts';

/** What the renderer needs to know about a person. */
export interface Speaker { name: string }

/** The caption of a quotation, shared by the Markdown plugin and `<Quote>`. */
export interface QuoteCaption {
  name: string;
  /** Site path of the person's page (no base); absent for an unknown id. */
  path?: string;
  role?: string;
  date?: { iso: string; text: string };
  /**
   * `data-pagefind-filter` value: search results can be narrowed to a speaker
   * (by person id, like the `person` facet). Only a person's first quotation
   * in a page carries it, so each page counts once per speaker.
   */
  filter: string;
}

export function quoteCaption(quote: QuoteAttribution, speaker: Speaker | undefined, locale = 'en-GB'): QuoteCaption {
  const parsed = quote.date === undefined ? undefined : parsePartialDate(quote.date);
  const name = speaker?.name ?? quote.by;
  return {
    name,
    ...(speaker ? { path: entityPath('people', quote.by) } : {}),
    ...(quote.role ? { role: quote.role } : {}),
    ...(parsed?.ok ? { date: { iso: parsed.value.iso, text: formatPartialDate(parsed.value, locale) } } : {}),
    filter: `speaker:${quote.by}`,
  };
}

export interface QuotePluginOptions {
  /** Person id → name, from content/people. */
  people: ReadonlyMap<string, Speaker>;
  /** The deployment base (`/`, `/chronicle/`), for links to person pages. */
  base: string;
}

const element = (hName: string, children: unknown[], hProperties: Record<string, unknown> = {}) =>
  ({ type: `quote${hName[0]!.toUpperCase()}${hName.slice(1)}`, data: { hName, hProperties }, children });
const text = (value: string) => ({ type: 'text', value });

/** `<figure><blockquote>…</blockquote><figcaption>— <cite><a>Name</a></cite>, role, date</figcaption></figure>` */
function figure(quote: ExtractedQuote, options: QuotePluginOptions, locale: string): MdastContent {
  const caption = quoteCaption(quote, options.people.get(quote.by), locale);
  const name = element('bdi', [text(caption.name)]);
  const parts: unknown[] = [
    text('— '),
    element('cite', [caption.path ? { type: 'link', url: joinBase(options.base, caption.path), children: [name] } : name]),
  ];
  if (caption.role) parts.push(text(`, ${caption.role}`));
  if (caption.date) parts.push(text(', '), element('time', [text(caption.date.text)], { dateTime: caption.date.iso }));
  return element('figure', [
    { type: 'blockquote', children: quote.quoted },
    element('figcaption', parts),
  ], { id: quote.id, className: ['quote'], ...(quote.first ? { dataPagefindFilter: caption.filter } : {}) }) as MdastContent;
}

/** Attributes only this plugin sets on `<Quote>`; an author's own are replaced. */
const SET_HERE = new Set(['id', 'inline', 'speakerFacet']);
const flag = (name: string) => ({ type: 'mdxJsxAttribute', name, value: null as unknown as string });

/**
 * The author's `<Quote>` with its anchor id, `inline` when it sits inside a
 * sentence, and `speakerFacet` on the person's first quotation in the page.
 */
function withAnchor(quote: ExtractedQuote): MdastContent {
  const { node } = quote;
  const kept = (node.attributes ?? []).filter((a) => a.type !== 'mdxJsxAttribute' || !SET_HERE.has(a.name ?? ''));
  const added = [{ type: 'mdxJsxAttribute', name: 'id', value: quote.id }];
  if (quote.inline) added.push(flag('inline'));
  if (quote.first) added.push(flag('speakerFacet'));
  return { type: node.type, name: node.name, attributes: [...kept, ...added], children: node.children ?? [] } as MdastContent;
}

/**
 * `<Quote>` written as the HTML src/components/Quote.astro writes, for MDX
 * rendered when content is loaded (src/lib/markdown/mdx-components.ts): a
 * `<q>` inside a sentence, otherwise a figure whose caption links the person.
 */
function quoteElement(quote: ExtractedQuote, options: QuotePluginOptions, lang: string): MdastContent {
  const caption = quoteCaption(quote, options.people.get(quote.by), gregorianLocale(lang));
  const personHref = caption.path ? joinBase(options.base, caption.path) : undefined;
  const facet = quote.first ? { dataPagefindFilter: caption.filter } : {};
  const children = [...(quote.node.children ?? [])];
  if (quote.inline) {
    return element('q', children, { className: ['quote-inline'], id: quote.id, ...(personHref ? { cite: personHref } : {}), ...facet }) as MdastContent;
  }
  const name = element('bdi', [text(caption.name)]);
  const parts: unknown[] = [text('— '), element('cite', [personHref ? element('a', [name], { href: personHref }) : name])];
  if (caption.role) parts.push(text(listSeparator(lang)), element('bdi', [text(caption.role)]));
  if (caption.date) parts.push(text(listSeparator(lang)), element('time', [text(caption.date.text)], { dateTime: caption.date.iso }));
  return element('figure', [element('blockquote', children), element('figcaption', parts)], { className: ['quote'], id: quote.id, ...facet }) as MdastContent;
}

/**
 * The language of the document being rendered: its frontmatter `lang`, which
 * Astro hands every Sätteri plugin as `ctx.data.astro.frontmatter` (for `.md`
 * and `.mdx` alike); English when it has none.
 */
function documentLanguage(data: unknown): string {
  const lang = (data as { astro?: { frontmatter?: { lang?: unknown } } } | undefined)?.astro?.frontmatter?.lang;
  return typeof lang === 'string' && lang.trim() ? lang.trim() : SITE_LANGUAGE;
}

/**
 * The Sätteri mdast plugin behind attributed quotations: every `<Quote>` gets
 * its stable anchor id, and every blockquote with an attribution line becomes
 * the same semantic figure the `<Quote>` component renders. It runs on `.md`
 * and `.mdx` alike, over the parsed tree, using the same extraction as the
 * ledger, so the ids the ledger links to are the ids on the page. Caption
 * dates are written in the article's language, as `<Quote>` writes them.
 */
export function quotePlugin(options: QuotePluginOptions) {
  return {
    name: 'chronicle-quotes',
    // Synchronous, so Sätteri's compile stays synchronous for callers that need it to be.
    before(root: Parameters<MdastHookFn>[0], ctx: Parameters<MdastHookFn>[1]): void {
      const lang = documentLanguage(ctx.data);
      const locale = gregorianLocale(lang);
      const asHtml = componentsAsHtml(ctx.data);
      for (const quote of extractQuotes(root as unknown as MdNode)) {
        const target = quote.node as unknown as MdastTarget;
        const component = () => (asHtml ? quoteElement(quote, options, lang) : withAnchor(quote));
        ctx.replaceNode(target, quote.syntax === 'component' ? component() : figure(quote, options, locale));
      }
    },
  } satisfies MdastPluginDefinition;
}
