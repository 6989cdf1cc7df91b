import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cardFile, cardKey, cardsVersion, pendingFile, requestCard } from '../../src/lib/cards/cache.ts';
import { drawCards, pruneCards } from '../../src/lib/cards/draw.ts';
import type { CardFields } from '../../src/lib/cards/layout.ts';

const dir = mkdtempSync(join(tmpdir(), 'chronicle-cards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (headline: string): CardFields => ({ lang: 'en', headline, section: 'Iran–Russia relations', date: '12 July 2018', dateline: 'MOSCOW', siteName: 'Chronicle' });
const files = () => readdirSync(dir).sort();
const store = { dir, version: cardsVersion() };
/** What a build does: its pages name their cards, then the missing ones are drawn. */
async function build(headlines: string[], threads = 1) {
  const keys = headlines.map((headline) => requestCard(article(headline), store));
  return { keys, report: await drawCards(dir, keys, { threads }) };
}

describe('the share card store', () => {
  it('draws a card once: a second build with the same text finds it on disk', async () => {
    const first = await build(['Velayati meets Putin']);
    const key = first.keys[0]!;
    expect(first.report).toMatchObject({ drawn: 1, reused: 0 });
    const drawn = statSync(cardFile(dir, key)).mtimeMs;
    const second = await build(['Velayati meets Putin']);
    expect(second.keys).toEqual([key]);
    expect(second.report).toMatchObject({ drawn: 0, reused: 1 });
    expect(statSync(cardFile(dir, key)).mtimeMs).toBe(drawn);
    // Nothing is left waiting to be drawn.
    expect(files()).toEqual([`${key}.png`]);
  });

  it('draws only the card whose text changed', async () => {
    const before = files();
    const { keys, report } = await build(['Velayati meets Putin', 'Velayati meets Putin in Moscow']);
    expect(report).toMatchObject({ drawn: 1, reused: 1 });
    expect(files()).toEqual([...before, `${keys[1]}.png`].sort());
  });

  it('keys a card by what draws it too: another template or font version is another card', () => {
    expect(cardKey(article('x'), 'other-version')).not.toBe(cardKey(article('x'), store.version));
    expect(cardKey({ ...article('x'), lang: 'ru' }, store.version)).not.toBe(cardKey(article('x'), store.version));
  });

  it('writes a 1200×630 PNG', async () => {
    const { keys } = await build(['Size']);
    const bytes = readFileSync(cardFile(dir, keys[0]!));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('draws the same PNG bytes on worker threads as on the build thread', async () => {
    const headlines = ['English card', 'Второй', 'دیدار ولایتی و پوتین در مسکو — ۲۱ تیر ۱۳۹۷', 'Fourth card'].map((h, i) => `${h} ${i}`);
    const serial = await build(headlines, 1);
    const bytes = serial.keys.map((key) => readFileSync(cardFile(dir, key)));
    for (const key of serial.keys) rmSync(cardFile(dir, key));
    const threaded = await build(headlines, 2);
    expect(threaded.report).toMatchObject({ drawn: 4, threads: 2 });
    expect(threaded.keys.map((key) => readFileSync(cardFile(dir, key)))).toEqual(bytes);
  });

  it('after a build, the store keeps the cards its pages name and drops the card of a page that is gone', async () => {
    const kept = await build(['A page that stays', 'A page that will be deleted']);
    const [stays, removed] = kept.keys as [string, string];
    // The next build no longer has the second page.
    const next = await build(['A page that stays']);
    expect(pruneCards(dir, new Set(next.keys))).toBeGreaterThan(0);
    expect(existsSync(cardFile(dir, stays))).toBe(true);
    expect(existsSync(cardFile(dir, removed))).toBe(false);
    expect(files()).toEqual([`${stays}.png`]);
  });

  it('a card a page names that is neither drawn nor waiting is an error that says how to recover', async () => {
    const key = requestCard(article('Lost'), store);
    rmSync(pendingFile(dir, key));
    await expect(drawCards(dir, [key])).rejects.toThrow(/missing from the card store; delete Astro's cache folder/);
  });
});

describe('drawing many cards', () => {
  it('keeps memory flat: the pixels of a card are not held after it is written (each took about 3 MB until the build ended)', async () => {
    await build(['Warm-up: the faces are registered before measuring']);
    const before = process.memoryUsage().rss;
    const { report } = await build(Array.from({ length: 150 }, (_, i) => `Velayati meets Putin in Moscow, day ${i}`));
    expect(report.drawn).toBe(150);
    // 150 cards held would be about 450 MB; a reused canvas keeps the growth to tens of MB.
    expect((process.memoryUsage().rss - before) / 1e6).toBeLessThan(200);
  });
});
