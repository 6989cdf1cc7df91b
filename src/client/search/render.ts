/**
 * Builds the search page's dynamic parts with DOM calls only: page text
 * from the index is always inserted as text, never parsed as HTML.
 */
import { FACETS, type Facet } from '../../lib/search/fields.ts';
import { partialDateOf } from '../../lib/core/partial-date.ts';
import { localizedDates } from '../../lib/core/dates.ts';
import { excerptParts, highlightUrl } from './excerpt.ts';
import { occurrenceDirectives, withTextDirectives } from '../../lib/search/text-fragments.ts';
import type { FacetOption } from './facets.ts';
import type { ResultData } from './engine.ts';

export type Strings = Record<string, string>;

export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** One result: title linking to the page (with the matched words to highlight there), date, dateline, excerpt. */
export function resultItem(data: ResultData & { filters?: Record<string, string[]> }, queryWords: string[], locale: string, strings: Strings = {}): HTMLLIElement {
  const parts = excerptParts(data.excerpt);
  const lang = data.filters?.language?.[0];
  const title = data.meta.title ?? data.url;
  // Every occurrence of the matched words on the page, from its indexed text; the excerpt's words when that gives none.
  const directives = data.content && data.locations ? occurrenceDirectives(data.content, data.locations) : [];
  const href = directives.length > 0 ? withTextDirectives(data.url, directives) : highlightUrl(data.url, parts, queryWords);
  const link = el('a', { href, 'data-result-link': '' }, title);
  const meta = el('p', { class: 'search-result-meta' });
  // Entity pages are indexed with their kind in English; the search page hands over its own words for it.
  if (data.meta.kind) meta.append(el('span', { class: 'search-result-kind' }, strings[`kind:${data.meta.kind}`] ?? data.meta.kind));
  if (data.meta.dateline) meta.append(el('span', { class: 'dateline' }, data.meta.dateline));
  if (data.meta.date) {
    const moment = new Date(data.meta.date);
    if (!Number.isNaN(moment.getTime())) {
      // The date is in the page's language; isolated, so an English date keeps its order inside a Persian result.
      // As on every other page: a Persian reader gets the Solar Hijri date, then the Gregorian one in brackets.
      const pageLang = document.documentElement.lang || locale;
      const [main, ...others] = localizedDates(pageLang, partialDateOf(moment));
      const time = (text: string) => el('time', { datetime: data.meta.date!, dir: 'auto', ...(lang ? { lang: pageLang } : {}) }, text);
      meta.append(el('span', { class: 'search-result-date' }, time(main!.text), ...others.map((other) => el('span', { class: 'other-calendar' }, ' (', time(other.text), ')'))));
    }
  }
  const excerpt = el('p', { class: 'search-result-excerpt' });
  for (const part of parts) {
    if (!part.mark) excerpt.append(part.text);
    else {
      // Pagefind marks whole space-separated words; the punctuation around one stays unmarked.
      const [, lead = '', word = '', trail = ''] = /^([\p{P}\p{S}]*)(.*?)([\p{P}\p{S}]*)$/u.exec(part.text) ?? [];
      excerpt.append(lead, word ? el('mark', {}, word) : '', trail);
    }
  }
  // The result's own language, and a direction taken from its text (an RTL result on an LTR page, or the reverse).
  const article = el('article', { class: 'search-result', dir: 'auto', ...(lang ? { lang } : {}) },
    el('h3', { class: 'search-result-title' }, link), meta, excerpt);
  return el('li', {}, article);
}

export interface FacetView { facet: Facet; legend: string; options: FacetOption[] }

/** How many values a facet shows before "Show all". */
const SHORT_LIST = 6;

/**
 * Checkbox groups, one per facet that has values. `expanded` remembers
 * which facets show all their values between renders; counts are in the page's digits.
 */
export function facetGroups(views: FacetView[], expanded: Set<Facet>, strings: Strings, locale = 'en-GB'): HTMLElement[] {
  const order = new Map(FACETS.map((facet, i) => [facet, i]));
  return views
    .filter((view) => view.options.length > 0)
    .sort((a, b) => order.get(a.facet)! - order.get(b.facet)!)
    .map(({ facet, legend, options }) => {
      const all = expanded.has(facet);
      // Selected values always stay visible.
      const shown = all ? options : options.filter((o, i) => i < SHORT_LIST || o.selected);
      const list = el('ul', { class: 'facet-options', id: `facet-${facet}` });
      for (const option of shown) {
        const box = el('input', { type: 'checkbox', name: facet, value: option.value, 'data-facet': facet });
        box.checked = option.selected;
        list.append(el('li', {}, el('label', {}, box, el('bdi', { class: 'facet-label' }, option.label), el('span', { class: 'count' }, option.count.toLocaleString(locale)))));
      }
      const group = el('fieldset', { class: 'facet', 'data-facet-group': facet }, el('legend', {}, legend), list);
      if (options.length > SHORT_LIST) {
        group.append(el('button', { type: 'button', class: 'facet-toggle', 'data-facet-toggle': facet, 'aria-expanded': String(all), 'aria-controls': `facet-${facet}` },
          all ? strings.searchFewerValues! : fill(strings.searchAllValues!, { n: options.length.toLocaleString(locale) })));
      }
      return group;
    });
}
