import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cardFile, pendingFile } from './files.ts';
import type { CardFields } from './layout.ts';
import { drawCard } from './paint.ts';

/**
 * Draws one pending card in a worker thread (draw.ts's pool): reads the fields
 * the page left beside the card's name, writes the PNG under a temporary name
 * and renames it, then removes the pending file. Returns the ms spent drawing.
 */
export default function drawPending({ dir, key }: { dir: string; key: string }): number {
  const started = performance.now();
  const fields = JSON.parse(readFileSync(pendingFile(dir, key), 'utf8')) as CardFields;
  const file = cardFile(dir, key);
  const partial = `${file}.${process.pid}.${key}.tmp`;
  writeFileSync(partial, drawCard(fields));
  renameSync(partial, file);
  rmSync(pendingFile(dir, key), { force: true });
  return performance.now() - started;
}
