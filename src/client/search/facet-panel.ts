/**
 * The "Refine" panel of the search page: facet counts for the latest
 * search, one count at a time (a count asked for while one runs waits, and
 * a newer one replaces it), and the show-all/show-fewer toggles of long
 * facets. Counts run in Pagefind workers of their own, beside the result
 * searches (see engine.ts), so results never wait for them.
 */
import { FACETS, type Facet } from '../../lib/search/fields.ts';
import type { Counts, Engine } from './engine.ts';
import { facetOptions } from './facets.ts';
import { facetGroups, type Strings } from './render.ts';
import type { SearchState } from './state.ts';
import { traceStep } from './trace.ts';

type Labeler = (facet: Facet, value: string) => string;

export interface FacetPanelOptions {
  root: HTMLElement;
  strings: Strings;
  locale: string;
  engine: () => Promise<Engine>;
  labels: () => Promise<Labeler>;
  /** The number of the latest search: counts for an older one are dropped. */
  latest: () => number;
}

export function facetPanel({ root, strings, locale, engine, labels, latest }: FacetPanelOptions) {
  const box = root.querySelector<HTMLElement>('[data-facets]')!;
  const section = root.querySelector<HTMLElement>('[data-facets-section]')!;
  const selectedCount = root.querySelector<HTMLElement>('[data-facets-selected]');
  const expanded = new Set<Facet>();
  let redraw: (() => void) | undefined; // draws the facets of the results on screen again
  let wanted: { state: SearchState; seq: number } | undefined;
  let counting = false;

  function render(current: SearchState, counts: Counts, label: Labeler) {
    const focused = document.activeElement instanceof HTMLInputElement && document.activeElement.dataset.facet
      ? { facet: document.activeElement.dataset.facet, value: document.activeElement.value } : undefined;
    // Years in the page's digits (۲۰۱۸ on the Persian page); other values by their names.
    const valueLabel = (facet: Facet, value: string) =>
      facet === 'year' && /^\d+$/.test(value) ? Number(value).toLocaleString(locale, { useGrouping: false }) : label(facet, value);
    const views = FACETS.map((facet) => ({
      facet,
      legend: strings[`facet${facet[0]!.toUpperCase()}${facet.slice(1)}`] ?? facet,
      options: facetOptions(facet, counts[facet], current.filters[facet], (value) => valueLabel(facet, value), locale),
    }));
    box.replaceChildren(...facetGroups(views, expanded, strings, locale));
    const selected = FACETS.reduce((sum, facet) => sum + current.filters[facet].length, 0);
    if (selectedCount) selectedCount.textContent = selected > 0 ? `(${selected})` : '';
    section.hidden = box.childElementCount === 0;
    if (focused) box.querySelector<HTMLInputElement>(`input[data-facet="${focused.facet}"][value="${CSS.escape(focused.value)}"]`)?.focus();
  }

  async function countLoop() {
    counting = true;
    while (wanted) {
      // One count at a time, for the latest search: those asked for meanwhile replace each other.
      const job = wanted;
      wanted = undefined;
      if (job.seq !== latest()) continue;
      try {
        let started = performance.now();
        const [search, label] = await Promise.all([engine(), labels()]);
        const counts = await search.counts(job.state);
        traceStep('counts', started, { q: job.state.q });
        if (job.seq !== latest()) continue;
        started = performance.now();
        redraw = () => render(job.state, counts, label);
        redraw();
        traceStep('counts draw', started, { q: job.state.q });
      } catch (error) {
        console.error(error);
      }
      if (job.seq === latest()) box.removeAttribute('aria-busy');
    }
    counting = false;
  }

  box.addEventListener('click', (event) => {
    const toggle = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-facet-toggle]');
    if (!toggle) return;
    const facet = toggle.dataset.facetToggle as Facet;
    if (expanded.has(facet)) expanded.delete(facet);
    else expanded.add(facet);
    redraw?.();
    box.querySelector<HTMLElement>(`[data-facet-toggle="${facet}"]`)?.focus();
  });

  return {
    box,
    /** Counts the facets of search `seq`; a later call replaces an earlier one still waiting. */
    count(state: SearchState, seq: number) {
      wanted = { state, seq };
      if (!counting) void countLoop();
    },
    busy() {
      box.setAttribute('aria-busy', 'true');
    },
    idle() {
      box.removeAttribute('aria-busy');
    },
    /** Nothing to refine: no query yet. */
    hide() {
      box.removeAttribute('aria-busy');
      section.hidden = true;
    },
  };
}
