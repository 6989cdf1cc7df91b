import { join } from 'node:path';

/** A card's PNG in the store. */
export const cardFile = (dir: string, key: string): string => join(dir, `${key}.png`);
/** What a card will show, left by the page that names it until the build draws it (draw.ts). */
export const pendingFile = (dir: string, key: string): string => join(dir, `${key}.json`);
