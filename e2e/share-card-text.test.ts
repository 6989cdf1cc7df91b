import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { launchBrowser } from './helpers/browser.ts';
import { CARD_FACES, faceFile } from '../src/lib/cards/fonts.ts';
import type { CardFields, CardLayout } from '../src/lib/cards/layout.ts';
import { cardLayout, paintLayout } from '../src/lib/cards/paint.ts';

/**
 * Share cards drawn by @napi-rs/canvas against the same text drawn by
 * Chromium: each card's layout (lines, fonts, positions) is painted again in
 * a Chromium canvas with the same WOFF2 faces, in the direction the test
 * expects of the language (the canvas's `dir`, not the layout's). A line
 * set left to right, a reversed date or a glyph missing from the faces
 * (Chromium would fall back to a system face) changes many pixels.
 */
const SAMPLES: { name: string; dir: 'rtl' | 'ltr'; fields: CardFields }[] = [
  { name: 'Persian', dir: 'rtl', fields: { lang: 'fa', headline: 'دیدار ولایتی و پوتین در مسکو — ۲۱ تیر ۱۳۹۷', section: 'روابط ایران و روسیه', date: '۱۳۹۷/۰۴/۲۱', dateline: 'مسکو، ساعت 14:30', siteName: 'کرونیکل' } },
  { name: 'Russian', dir: 'ltr', fields: { lang: 'ru', headline: 'Велаяти и Путин встретились в Москве: «стратегическое партнёрство»', section: 'Ирано-российские отношения', date: '12 июля 2018 г.', dateline: 'МОСКВА', siteName: 'Хроника' } },
  { name: 'English', dir: 'ltr', fields: { lang: 'en', headline: 'Iran–Russia ties strategic and longstanding, Velayati says in Moscow', section: 'Iran–Russia relations', date: '12 July 2018', dateline: 'MOSCOW', siteName: 'Chronicle' } },
];

/**
 * Of the pixels inked in either picture, the share with no close match in the
 * other within two pixels across and one down: glyphs placed a pixel apart
 * (kerning rounded differently) still match; other glyphs, or the same ones in
 * another order, do not.
 */
function difference(a: Uint8ClampedArray, b: Uint8ClampedArray, width: number, background: number): number {
  let inked = 0;
  let differ = 0;
  const height = a.length / 4 / width;
  const unmatched = (from: Uint8ClampedArray, to: Uint8ClampedArray, x: number, y: number) => {
    const i = (y * width + x) * 4;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const j = (ny * width + nx) * 4;
        if (Math.max(Math.abs(from[i]! - to[j]!), Math.abs(from[i + 1]! - to[j + 1]!), Math.abs(from[i + 2]! - to[j + 2]!)) <= 96) return false;
      }
    }
    return true;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (Math.abs(a[i]! - background) <= 40 && Math.abs(b[i]! - background) <= 40) continue;
      inked += 1;
      if (unmatched(a, b, x, y) || unmatched(b, a, x, y)) differ += 1;
    }
  }
  return differ / inked;
}

async function pixels(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

/** The layout painted by Chromium's canvas, the base direction given by `dir`. */
async function chromiumPaint(page: Page, layout: CardLayout, dir: 'rtl' | 'ltr'): Promise<Buffer> {
  const dataUrl = await page.evaluate(({ layout, dir }) => {
    const canvas = document.createElement('canvas');
    canvas.width = layout.width;
    canvas.height = layout.height;
    canvas.dir = dir;
    document.body.replaceChildren(canvas);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = layout.background;
    ctx.fillRect(0, 0, layout.width, layout.height);
    for (const rect of layout.rects) {
      ctx.fillStyle = rect.color;
      ctx.fillRect(rect.x, rect.y, rect.width, rect.height);
    }
    ctx.direction = 'inherit';
    for (const line of layout.lines) {
      ctx.font = line.font;
      ctx.fillStyle = line.color;
      ctx.textAlign = line.align;
      ctx.fillText(line.text, line.x, line.y);
    }
    return canvas.toDataURL('image/png');
  }, { layout, dir });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** The background's red channel (#fcfcfa). */
const BACKGROUND = 0xfc;
/**
 * Measured on this machine: at most 0.1% for the samples; the Persian card drawn left to right
 * differs by 90%, its date reversed by several per cent.
 */
const TOLERANCE = 0.01;

describe('share cards drawn like Chromium draws the same text', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    const faces = CARD_FACES.map((face) => ({ family: face.family, data: faceFile(face).toString('base64') }));
    await page.evaluate(async (faces) => {
      for (const face of faces) {
        const loaded = await new FontFace(face.family, `url(data:font/woff2;base64,${face.data})`, { weight: '100 900' }).load();
        document.fonts.add(loaded);
      }
    }, faces);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const sample of SAMPLES) {
    it(`${sample.name}: shaped, ordered and with every glyph, as Chromium draws it`, async () => {
      const layout = cardLayout(sample.fields);
      const ours = await pixels(paintLayout(layout));
      const reference = await pixels(await chromiumPaint(page, layout, sample.dir));
      expect(difference(ours, reference, layout.width, BACKGROUND)).toBeLessThan(TOLERANCE);
    });
  }

  it('tells a reversed Persian date from the right one (the comparison can fail)', async () => {
    const layout = cardLayout(SAMPLES[0]!.fields);
    const reference = await pixels(await chromiumPaint(page, layout, 'rtl'));
    // What satori did to it: the numbers split by "/" and ":" in reverse order.
    const reversed = { ...layout, lines: layout.lines.map((line) => ({ ...line, text: line.text.replace('۱۳۹۷/۰۴/۲۱', '۲۱/۰۴/۱۳۹۷').replace('14:30', '30:14') })) };
    expect(difference(await pixels(paintLayout(reversed)), reference, layout.width, BACKGROUND)).toBeGreaterThan(TOLERANCE);
    // And a card set left to right.
    expect(difference(await pixels(paintLayout({ ...layout, direction: 'ltr' })), reference, layout.width, BACKGROUND)).toBeGreaterThan(TOLERANCE);
  });
});
