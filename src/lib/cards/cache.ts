import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { sourceFingerprint } from '../build/source-fingerprint.ts';
import { CARD_PACKAGES, packageVersion } from './fonts.ts';
import type { CardFields } from './layout.ts';
import { cardFile, pendingFile } from './files.ts';

export { cardFile, pendingFile };

/**
 * Cards on disk, named by a digest of what they show and of what draws them
 * (this folder's code, the canvas and font package versions): a rebuild
 * draws only the cards whose text changed, and a new template or font draws
 * them all again. The folder lives in the build cache, so a CI run that keeps
 * that cache keeps the cards. Pages only name their card (requestCard); the
 * build draws the missing ones together when the pages are written
 * (draw.ts's drawCards) and then removes the cards no page names (pruneCards).
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

/**
 * The card's key. Unless the store holds the card already, the fields are left
 * beside its name (`<key>.json`) for the build to draw it from.
 */
export function requestCard(fields: CardFields, store: CardStore): string {
  const key = cardKey(fields, store.version);
  if (existsSync(cardFile(store.dir, key))) return key;
  mkdirSync(store.dir, { recursive: true });
  writeFileSync(pendingFile(store.dir, key), JSON.stringify(fields));
  return key;
}
