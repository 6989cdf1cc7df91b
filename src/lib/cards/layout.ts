import { direction } from '../core/language.ts';
import { cardStacks, hasCase } from './fonts.ts';

/** What a card shows; each field is text as the page shows it, in the page's language. */
export interface CardFields {
  lang: string;
  headline: string;
  /** What kind of page it is ("Topic", "Person") or the article's topic. */
  section?: string | undefined;
  /** The date as the page writes it (`۲۱ تیر ۱۳۹۷`, `12 July 2018`). */
  date?: string | undefined;
  dateline?: string | undefined;
  siteName: string;
}

/**
 * One line of text at baseline `y`. `x` is its start edge (the right one in a right-to-left card)
 * or, with `align: 'end'`, its end edge.
 */
export interface CardLine { text: string; x: number; y: number; font: string; color: string; align: 'start' | 'end' }

export interface CardLayout {
  width: number;
  height: number;
  direction: 'ltr' | 'rtl';
  background: string;
  /** Filled rectangles: the accent rule and the footer's rule. */
  rects: { x: number; y: number; width: number; height: number; color: string }[];
  lines: CardLine[];
}

/** Measures a line's advance in a CSS font: the canvas that will paint it. */
export type Measure = (text: string, font: string) => number;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The site's light palette (src/styles/global.css): a card is seen outside the site, on any background. */
const COLORS = { bg: '#fcfcfa', text: '#1d1d1b', muted: '#5b5a55', rule: '#dddbd3', accent: '#8a1c1c' };
const MARGIN = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
/** Headline sizes tried in turn, largest first, with the lines each may take. */
const HEADLINE_SIZES = [{ size: 64, lines: 3 }, { size: 54, lines: 4 }, { size: 44, lines: 5 }];

/** Greedy word wrap; a word longer than the width is cut where it no longer fits. */
export function wrap(text: string, font: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, font) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = measure(word, font) <= width ? [word] : cutToWidth(word, font, width, measure);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line) lines.push(line);
  return lines;
}

function cutToWidth(word: string, font: string, width: number, measure: Measure): string[] {
  const parts: string[] = [];
  let part = '';
  for (const char of word) {
    if (part && measure(part + char, font) > width) parts.push(part), (part = '');
    part += char;
  }
  return part ? [...parts, part] : parts;
}

/** The first `max` lines, the last ending in an ellipsis when text was left out. */
function clamp(lines: string[], max: number, font: string, measure: Measure, width = TEXT_WIDTH): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last && measure(`${last}…`, font) > width) last = last.slice(0, -1).trimEnd();
  kept[max - 1] = `${last}…`;
  return kept;
}

/** A single line of at most `width`, cut with an ellipsis. */
function oneLine(text: string, font: string, width: number, measure: Measure): string {
  return clamp(wrap(text, font, width, measure), 1, font, measure, width)[0] ?? '';
}

/**
 * Where everything on a card goes; `measure` comes from the canvas that will paint it.
 * Top: an accent rule and the section. Then the headline, at the largest size that fits.
 * Footer, under a rule: the site name at the start edge, date and dateline at the end edge.
 */
export function layoutCard(fields: CardFields, measure: Measure): CardLayout {
  const dir = direction(fields.lang);
  const { serif, sans } = cardStacks(fields.lang);
  const start = dir === 'rtl' ? CARD_WIDTH - MARGIN : MARGIN;
  const end = dir === 'rtl' ? MARGIN : CARD_WIDTH - MARGIN;
  const lines: CardLine[] = [];
  const rects: CardLayout['rects'] = [{ x: dir === 'rtl' ? CARD_WIDTH - MARGIN - 72 : MARGIN, y: MARGIN, width: 72, height: 6, color: COLORS.accent }];
  let y = MARGIN + 6 + 52;
  if (fields.section) {
    const font = `600 26px ${sans}`;
    const section = hasCase(fields.lang) ? fields.section.toLocaleUpperCase(fields.lang) : fields.section;
    lines.push({ text: oneLine(section, font, TEXT_WIDTH, measure), x: start, y, font, color: COLORS.accent, align: 'start' });
    y += 30;
  }
  // The largest size at which the headline fits its lines; the smallest clamps it.
  const fitted = HEADLINE_SIZES.map(({ size, lines: max }) => ({ size, max, wrapped: wrap(fields.headline, `700 ${size}px ${serif}`, TEXT_WIDTH, measure) }));
  const chosen = fitted.find((option) => option.wrapped.length <= option.max) ?? fitted.at(-1)!;
  const headlineFont = `700 ${chosen.size}px ${serif}`;
  const lineHeight = Math.round(chosen.size * 1.22);
  for (const text of clamp(chosen.wrapped, chosen.max, headlineFont, measure)) {
    y += lineHeight;
    lines.push({ text, x: start, y, font: headlineFont, color: COLORS.text, align: 'start' });
  }
  const footerY = CARD_HEIGHT - MARGIN + 16;
  rects.push({ x: MARGIN, y: footerY - 56, width: TEXT_WIDTH, height: 2, color: COLORS.rule });
  const siteFont = `700 32px ${serif}`;
  lines.push({ text: fields.siteName, x: start, y: footerY, font: siteFont, color: COLORS.text, align: 'start' });
  const meta = [fields.dateline, fields.date].filter(Boolean).join(' · ');
  if (meta) {
    const metaFont = `400 28px ${sans}`;
    const room = TEXT_WIDTH - measure(fields.siteName, siteFont) - 48;
    lines.push({ text: oneLine(meta, metaFont, room, measure), x: end, y: footerY, font: metaFont, color: COLORS.muted, align: 'end' });
  }
  return { width: CARD_WIDTH, height: CARD_HEIGHT, direction: dir, background: COLORS.bg, rects, lines };
}
