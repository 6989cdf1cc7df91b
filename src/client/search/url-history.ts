/**
 * The search page's address and title follow its state, so reload, shared
 * links and back/forward all work: one history entry per decision (a facet,
 * the sort, a submitted query) and one per burst of typing, written once the
 * typing pauses.
 */
import { stateToQuery, type SearchState } from './state.ts';

/** Typing pause after which the URL catches up with the query. */
const URL_DELAY = 400;

export function urlHistory(current: () => SearchState) {
  const baseTitle = document.title;
  let timer: ReturnType<typeof setTimeout> | undefined; // the URL write waiting for typing to pause
  let burstWritten = false; // this typing burst already has its history entry

  /** The words in the title name the entry in the browser's history menu. */
  const showTitle = (next: SearchState) => {
    document.title = next.q.trim() ? `${next.q.trim()} · ${baseTitle}` : baseTitle;
  };

  function write(next: SearchState, mode: 'push' | 'replace') {
    const url = `${location.pathname}${stateToQuery(next)}`;
    showTitle(next);
    if (url !== `${location.pathname}${location.search}`) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  }

  function writeTyped() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    write(current(), burstWritten ? 'replace' : 'push');
    burstWritten = true;
  }

  return {
    showTitle,
    /** Gives a finished typing burst its URL now, so the next entry comes after it. */
    endBurst() {
      if (timer !== undefined) writeTyped();
      burstWritten = false;
    },
    /** A decision: its own history entry. */
    push(next: SearchState) {
      this.endBurst();
      write(next, 'push');
    },
    /** A keystroke: the URL follows once typing pauses. */
    typed() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(writeTyped, URL_DELAY);
    },
    /** Back or forward: the URL is already the one to show. */
    arrived() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      burstWritten = false;
    },
  };
}
