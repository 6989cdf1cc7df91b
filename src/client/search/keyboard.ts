/**
 * Keyboard use of the search page's results: ↓ from the box and ↑/↓/Home/End
 * in the list move through the result links; Escape goes back to the box;
 * Enter follows a link as usual. `/` and Ctrl/Cmd+K, which jump to the box,
 * are every page's shortcut.ts.
 */

export function installKeyboard(input: HTMLInputElement, results: HTMLElement): void {
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];

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
