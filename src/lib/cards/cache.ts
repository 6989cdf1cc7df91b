import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFingerprint } from '../build/source-fingerprint.ts';
import { CARD_PACKAGES, packageVersion } from './fonts.ts';
import type { CardFields } from './layout.ts';
import { drawCard } from './paint.ts';

/**
 * Cards on disk, named by a digest of what they show and of what draws them
 * (this folder's code, the canvas and font package versions): a rebuild
 * draws only the cards whose text changed, and a new template or font draws
 * them all again. The folder lives in the build cache, so a CI run that keeps
 * that cache keeps the cards.
 */
export interface CardStore {
  dir: string;
  /** cardsVersion(): the code and packages that draw a card. */
  version: string;
}

/** The digest of the drawing code and the installed canvas and font packages. Call it from unbundled code. */
export function cardsVersion(): string {
  const files = ['layout.ts', 'paint.ts', 'fonts.ts'].map((file) => new URL(`./${file}`, import.meta.url));
  return sourceFingerprint(files, CARD_PACKAGES.map((pkg) => `${pkg}@${packageVersion(pkg)}`)).slice(0, 16);
}

/** A card's name: 24 hex digits of its fields and the store's version. */
export function cardKey(fields: CardFields, version: string): string {
  return createHash('sha256').update(JSON.stringify([version, fields])).digest('hex').slice(0, 24);
}

export const cardFile = (dir: string, key: string): string => join(dir, `${key}.png`);

/** The card's key, drawing it into the store first unless it is there already. */
export function ensureCard(fields: CardFields, store: CardStore): string {
  const key = cardKey(fields, store.version);
  const file = cardFile(store.dir, key);
  if (existsSync(file)) return key;
  mkdirSync(store.dir, { recursive: true });
  // Written under a temporary name and renamed: a build stopped halfway never leaves half a PNG under a real name.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, drawCard(fields));
  renameSync(partial, file);
  return key;
}
