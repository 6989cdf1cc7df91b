import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cardFile, cardKey, cardsVersion, ensureCard } from '../../src/lib/cards/cache.ts';
import type { CardFields } from '../../src/lib/cards/layout.ts';

const dir = mkdtempSync(join(tmpdir(), 'chronicle-cards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (headline: string): CardFields => ({ lang: 'en', headline, section: 'Iran–Russia relations', date: '12 July 2018', dateline: 'MOSCOW', siteName: 'Chronicle' });
const pngs = () => readdirSync(dir).filter((name) => name.endsWith('.png')).sort();

describe('the share card store', () => {
  const store = { dir, version: cardsVersion() };

  it('draws a card once: a second build with the same text finds it on disk', () => {
    const key = ensureCard(article('Velayati meets Putin'), store);
    const drawn = statSync(cardFile(dir, key)).mtimeMs;
    expect(ensureCard(article('Velayati meets Putin'), store)).toBe(key);
    expect(statSync(cardFile(dir, key)).mtimeMs).toBe(drawn);
    expect(pngs()).toEqual([`${key}.png`]);
  });

  it('draws only the card whose text changed', () => {
    const before = pngs();
    ensureCard(article('Velayati meets Putin'), store);
    const edited = ensureCard(article('Velayati meets Putin in Moscow'), store);
    expect(pngs()).toEqual([...before, `${edited}.png`].sort());
  });

  it('keys a card by what draws it too: another template or font version is another card', () => {
    expect(cardKey(article('x'), 'other-version')).not.toBe(cardKey(article('x'), store.version));
    expect(cardKey({ ...article('x'), lang: 'ru' }, store.version)).not.toBe(cardKey(article('x'), store.version));
  });

  it('writes a 1200×630 PNG', () => {
    const file = cardFile(dir, ensureCard(article('Size'), store));
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

