/**
 * The one script of reading pages, also loaded on the search page: `/` and
 * Ctrl/Cmd+K focus the page's search box (`input[data-search-input]`: the
 * header's, or the search page's own), whose placeholder then names the key.
 * `/` is a single-character shortcut, so readers can turn it off (WCAG 2.1.4)
 * with the search page's `[data-slash-toggle]` button; the choice is
 * remembered in this browser and read at each key press, so it applies on
 * every page. Without this script the box is a plain form.
 * It is the whole module (no imports), so a page loads one small file.
 */

const SLASH_OFF = 'chronicle:search-slash-off';
/** The choice when storage is refused (private modes): it then lasts for this page. */
let pageChoice: boolean | undefined;

function slashEnabled(): boolean {
  if (pageChoice !== undefined) return pageChoice;
  try {
    return localStorage.getItem(SLASH_OFF) !== '1';
  } catch {
    return true;
  }
}

function setSlashEnabled(enabled: boolean): void {
  pageChoice = enabled;
  try {
    if (enabled) localStorage.removeItem(SLASH_OFF);
    else localStorage.setItem(SLASH_OFF, '1');
  } catch {
    // kept in pageChoice
  }
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

const input = document.querySelector<HTMLInputElement>('input[data-search-input]');
if (input) {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    const modifier = event.ctrlKey || event.metaKey;
    const commandK = modifier && !event.shiftKey && event.key.toLowerCase() === 'k';
    const slash = !modifier && event.key === '/' && !isEditable(event.target) && slashEnabled();
    if (!commandK && !slash) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  const key = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl+K';
  if (input.placeholder) input.placeholder += ` (${slashEnabled() ? '/' : key})`;
  input.setAttribute('aria-keyshortcuts', `${slashEnabled() ? '/ ' : ''}Control+K Meta+K`);
}

// The search page's switch: its labels say what a click will do.
const toggle = document.querySelector<HTMLButtonElement>('[data-slash-toggle]');
if (toggle) {
  const label = () => { toggle.textContent = (slashEnabled() ? toggle.dataset.labelOff : toggle.dataset.labelOn) ?? ''; };
  label();
  toggle.addEventListener('click', () => { setSlashEnabled(!slashEnabled()); label(); });
}
