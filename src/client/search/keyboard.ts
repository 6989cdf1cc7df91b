/**
 * Keyboard use of the search page: `/` and Ctrl/Cmd+K jump to the search
 * box; ↓ from the box and ↑/↓/Home/End in the list move through the result
 * links; Escape goes back to the box; Enter follows a link as usual.
 * `/` is a single-character shortcut, so readers can turn it off (WCAG 2.1.4);
 * the choice is remembered in this browser.
 */

const SLASH_OFF = 'chronicle:search-slash-off';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function slashEnabled(): boolean {
  try {
    return localStorage.getItem(SLASH_OFF) !== '1';
  } catch {
    return true;
  }
}

export function setSlashEnabled(enabled: boolean): void {
  try {
    if (enabled) localStorage.removeItem(SLASH_OFF);
    else localStorage.setItem(SLASH_OFF, '1');
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
  slashOn = enabled;
}

let slashOn = true;
export const isSlashEnabled = () => slashOn;

export function installKeyboard(input: HTMLInputElement, results: HTMLElement): void {
  slashOn = slashEnabled();
  const focusInput = () => {
    input.focus();
    input.select();
  };
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const modifier = event.ctrlKey || event.metaKey;
    if (modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      focusInput();
    } else if (slashOn && event.key === '/' && !modifier && !event.altKey && !isEditable(event.target)) {
      event.preventDefault();
      focusInput();
    }
  });

  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || event.isComposing) return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });

  results.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    let target: HTMLElement | undefined;
    if (event.key === 'ArrowDown') target = all[at + 1];
    else if (event.key === 'ArrowUp') target = at === 0 ? input : all[at - 1];
    else if (event.key === 'Home') target = all[0];
    else if (event.key === 'End') target = all[all.length - 1];
    else if (event.key === 'Escape') target = input;
    else return;
    event.preventDefault();
    target?.focus();
  });
}
