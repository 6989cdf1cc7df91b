import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Writes a file that hosts read (`_redirects`, `_headers`) into the built
 * site. One the site ships in public/ is kept: the generated rules go after it.
 */
export function writeHostFile(dir: URL, name: string, generated: string): void {
  const target = fileURLToPath(new URL(name, dir));
  const own = existsSync(target) ? `${readFileSync(target, 'utf8').trimEnd()}\n\n` : '';
  writeFileSync(target, own + generated);
}
