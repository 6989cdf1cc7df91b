/**
 * The search page: reads its state from the URL, searches as the reader
 * types and draws the results; the URL follows (url-history.ts) and the
 * facets are counted beside (facet-panel.ts).
 */
import type { Facet } from '../../lib/search/fields.ts';
import { loadEngine, type Engine, type Outcome, type ResultData } from './engine.ts';
import { facetLabeler } from './facets.ts';
import { facetPanel } from './facet-panel.ts';
import { fill, resultItem, type Strings } from './render.ts';
import { hasCriteria, parseState, sameState, tooShort, withValue, type SearchState } from './state.ts';
import { urlHistory } from './url-history.ts';
import { installKeyboard } from './keyboard.ts';
import { typingDelay } from '../../lib/search/plan.ts';
import { traceStep } from './trace.ts';

const PAGE = 10;
/** Results shown as soon as their excerpts are in: about a screenful. The rest of the page follows them. */
const FIRST_BATCH = 5;
/** Typing pause after which the other languages' results join the reader's. */
const OTHER_LANGUAGES_DELAY = 150;

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement) {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const lang = root.dataset.lang ?? document.documentElement.lang ?? 'en';
  const locale = lang === 'en' ? 'en-GB' : lang; // the site's newspaper dates: 12 July 2018
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const facetsFold = root.querySelector<HTMLDetailsElement>('[data-facets-fold]');
  // Narrow screens start with the facets folded, so the results come first.
  if (facetsFold && !matchMedia('(min-width: 48.01rem)').matches) facetsFold.open = false;
  const keysHint = root.querySelector<HTMLElement>('[data-keys]');

  let state = parseState(location.search);
  let engine: Promise<Engine> | undefined;
  let labels: Promise<(facet: Facet, value: string) => string> | undefined;
  let sequence = 0; // only the latest search may render
  let shown: Outcome['results'] = [];
  let shownState: SearchState | undefined; // the search whose results the list shows

  // A failed load (the network dropped) is tried again by the next search.
  const getEngine = () => (engine ??= loadEngine(root.dataset.bundle!, lang).catch((error: unknown) => {
    engine = undefined;
    throw error;
  }));
  const getLabels = () => (labels ??= fetch(root.dataset.labels!)
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}))
    .then((known) => facetLabeler(known, lang)));
  const facets = facetPanel({ root, strings, locale, engine: getEngine, labels: getLabels, latest: () => sequence });
  const countFacets = (current: SearchState, seq: number) => facets.count(current, seq);

  const address = urlHistory(() => state);

  function showControls(next: SearchState) {
    if (input.value.trim() !== next.q) input.value = next.q;
    sort.value = next.sort;
    address.showTitle(next);
  }

  /** A decision (facet, sort, submit): its own history entry, and a search. */
  function navigate(next: SearchState) {
    address.push(next);
    state = next;
    run(next);
  }

  /**
   * Searches for the latest state only: while one search runs, newer states
   * replace each other and only the last is searched next, so a fast typist
   * never waits behind a queue of searches for words they have typed past.
   */
  let pending: SearchState | undefined;
  let searching = false;
  let typedTimer: ReturnType<typeof setTimeout> | undefined; // a short word waiting for typing to pause
  function run(next: SearchState) {
    if (typedTimer !== undefined) clearTimeout(typedTimer);
    typedTimer = undefined;
    pending = next;
    sequence += 1;
    if (!searching) void drain();
  }
  async function drain() {
    searching = true;
    while (pending) {
      const current = pending;
      pending = undefined;
      await searchOnce(current, sequence);
    }
    searching = false;
  }

  async function searchOnce(current: SearchState, mine: number) {
    const stale = () => mine !== sequence;
    if (!hasCriteria(current) || tooShort(current)) {
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      facets.hide();
      more.hidden = true;
      status.textContent = strings.searchPrompt ?? '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    delete list.dataset.drawn;
    facets.busy();
    try {
      const search = await getEngine();
      // Facet counts run in Pagefind workers of their own, beside the search for results (facet-panel.ts);
      // the very first ones wait for the first results, so as not to hold them up loading the filter index.
      const countsFirst = search.countsReady();
      if (countsFirst) countFacets(current, mine);
      let outcome = await search.run(current);
      if (stale()) {
        // The reader typed on. The top results of a word being typed are mostly those of the word it becomes,
        // so their excerpts load now (Pagefind keeps them), and the next results need fewer requests.
        for (const result of outcome.results.slice(0, FIRST_BATCH)) void result.data().catch(() => {});
        return;
      }
      // Other languages that answered already join before anything is drawn.
      if (outcome.rest && outcome.restReady?.()) outcome = await outcome.rest();
      if (stale()) return;
      if (!await showResults(outcome.results, current, mine, !outcome.rest)) return;
      if (!countsFirst) countFacets(current, mine);
      if (outcome.rest) void joinOtherLanguages(outcome.rest, current, mine, outcome.restUnderway === true);
    } catch (error) {
      if (stale()) return;
      list.removeAttribute('aria-busy');
      facets.idle();
      status.textContent = strings.searchFailed ?? '';
      console.error(error);
    }
  }

  /**
   * The other languages join the reader's results once typing pauses (while
   * the reader types, loading and searching them would only slow the
   * searches of the reader's own language), without holding up the next
   * search; when their indexes are loaded and already searching, as soon as they answer.
   */
  async function joinOtherLanguages(rest: NonNullable<Outcome['rest']>, current: SearchState, mine: number, underway: boolean) {
    const stale = () => mine !== sequence;
    if (!underway) await new Promise((resume) => setTimeout(resume, OTHER_LANGUAGES_DELAY));
    if (stale()) return;
    let whole: Outcome;
    try {
      whole = await rest();
    } catch (error) {
      if (stale()) return;
      console.error(error);
      list.removeAttribute('aria-busy');
      status.textContent = `${statusText(current, shown.length)} ${strings.searchPartialFailed ?? ''}`;
      return;
    }
    if (stale()) return;
    await showResults(whole.results, current, mine, true);
  }

  /** One result's list item, marked with its address so a redraw can tell what is already shown. */
  const listItem = (data: ResultData, q: string) => {
    const li = resultItem(data, words(q), locale, strings);
    li.dataset.url = data.url;
    return li;
  };

  /**
   * Shows the first page of `results`: the first few as soon as their
   * excerpts are in, the rest of the page after them. When the list only
   * grew (other languages joining the reader's), the items already shown
   * stay, and the keyboard focus with them. Returns false if a newer search
   * took over meanwhile.
   */
  async function showResults(results: Outcome['results'], current: SearchState, mine: number, complete: boolean): Promise<boolean> {
    const stale = () => mine !== sequence;
    let started = performance.now();
    const loads = results.slice(0, PAGE).map((r) => r.data());
    const head = await Promise.all(loads.slice(0, FIRST_BATCH));
    traceStep('fragments first', started, { q: current.q, count: head.length });
    if (stale()) return false;
    started = performance.now();
    const showing = (datas: ResultData[], from: number) =>
      shownState === current && datas.every((data, k) => (list.children[from + k] as HTMLElement | undefined)?.dataset.url === data.url);
    if (!showing(head, 0) || list.childElementCount < head.length) list.replaceChildren(...head.map((data) => listItem(data, current.q)));
    shown = results;
    shownState = current;
    // Drawn results are the current ones: no longer dimmed, though the list stays busy until its page is whole.
    list.dataset.drawn = '';
    more.hidden = results.length <= list.childElementCount;
    status.textContent = complete
      ? statusText(current, results.length)
      : fill(strings.searchPartial ?? '', { n: results.length.toLocaleString(locale), q: current.q });
    traceStep('draw first', started, { q: current.q });
    root.dispatchEvent(new CustomEvent('search:rendered', { detail: { q: current.q, total: results.length, complete } }));
    // The rest of the page, and any further results the reader had asked for with "Show more".
    started = performance.now();
    const rest = await Promise.all([...loads.slice(FIRST_BATCH), ...results.slice(PAGE, Math.max(PAGE, list.childElementCount)).map((r) => r.data())]);
    traceStep('fragments rest', started, { q: current.q, count: rest.length });
    if (stale()) return false;
    started = performance.now();
    if (!showing(rest, head.length) || list.childElementCount !== head.length + rest.length) {
      const focused = document.activeElement instanceof HTMLElement && list.contains(document.activeElement)
        ? document.activeElement.closest('li')?.dataset.url : undefined;
      while (list.childElementCount > head.length) list.lastElementChild!.remove();
      list.append(...rest.map((data) => listItem(data, current.q)));
      if (focused) list.querySelector<HTMLElement>(`li[data-url="${CSS.escape(focused)}"] a`)?.focus();
    }
    more.hidden = results.length <= list.childElementCount;
    traceStep('draw rest', started, { q: current.q });
    // The list is busy until its whole first page is drawn, so assistive technology reads it once, whole.
    if (complete) list.removeAttribute('aria-busy');
    return true;
  }

  function statusText(current: SearchState, total: number): string {
    const key = current.q
      ? total === 0 ? 'searchResultsNone' : total === 1 ? 'searchResultsOne' : 'searchResultsMany'
      : total === 0 ? 'searchFilteredNone' : total === 1 ? 'searchFilteredOne' : 'searchFilteredMany';
    return fill(strings[key] ?? '', { n: total.toLocaleString(locale), q: current.q });
  }

  async function showMore() {
    const from = list.childElementCount;
    const mine = sequence;
    const next = await Promise.all(shown.slice(from, from + PAGE).map((r) => r.data()));
    if (mine !== sequence) return;
    list.append(...next.map((data: ResultData) => listItem(data, state.q)));
    more.hidden = list.childElementCount >= shown.length;
    list.children[from]?.querySelector<HTMLElement>('a')?.focus();
  }

  // Pagefind, its WebAssembly and the reader's language index load as soon as the reader reaches for the box.
  const warmUp = () => void getEngine().catch(() => {});
  input.addEventListener('focus', warmUp, { once: true });
  input.addEventListener('pointerdown', warmUp, { once: true });
  input.addEventListener('input', () => {
    state = { ...state, q: input.value };
    if (typedTimer !== undefined) clearTimeout(typedTimer);
    typedTimer = undefined;
    const delay = tooShort(state) ? 0 : typingDelay(state.q);
    if (delay === 0) {
      // The index chunks this query needs start loading now, even while an earlier search is still running.
      const typed = state.q;
      if (engine && !tooShort(state)) void engine.then((loaded) => loaded.preload(typed), () => {});
      run(state);
    } else {
      // A short word waits for a pause in typing (see typingDelay); results of older words stop here.
      sequence += 1;
      pending = undefined;
      list.setAttribute('aria-busy', 'true');
      delete list.dataset.drawn;
      const typed = state;
      typedTimer = setTimeout(() => { typedTimer = undefined; run(typed); }, delay);
    }
    address.typed();
  });
  input.addEventListener('blur', () => address.endBurst());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = { ...state, q: input.value.trim() };
    if (!sameState(next, state)) navigate(next);
    else {
      address.endBurst();
      run(next);
    }
  });
  sort.addEventListener('change', () => {
    navigate({ ...state, sort: parseState(`sort=${sort.value}`).sort });
  });
  facets.box.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.facet) return;
    navigate(withValue(state, box.dataset.facet as Facet, box.value, box.checked));
  });
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    address.arrived();
    state = parseState(location.search);
    showControls(state);
    run(state);
  });

  installKeyboard(input, list);
  if (keysHint) keysHint.hidden = false;

  showControls(state);
  run(state);
}

/** The words of a query, for highlighting when an excerpt marks none. */
function words(q: string): string[] {
  return q.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
}
