import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { CARD_FACES, faceFile } from './fonts.ts';
import { layoutCard, type CardFields, type CardLayout } from './layout.ts';

let registered = false;

/** Registers the card faces with Skia once per process (reading about 1 MB of WOFF2). */
function registerFaces(): void {
  if (registered) return;
  for (const face of CARD_FACES) {
    if (!GlobalFonts.register(faceFile(face), face.family)) throw new Error(`share cards: could not load the face ${face.pkg}/files/${face.file}`);
  }
  registered = true;
}

type Context = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

/**
 * Sets a CSS font on the canvas. The faces are variable: Skia draws the
 * weight a font names only when told the `wght` axis (without it, it draws the
 * default instance made bold by smearing, with 400's widths), where a browser
 * sets the axis from the weight by itself.
 */
function setFont(ctx: Context, font: string): void {
  ctx.font = font;
  ctx.fontVariationSettings = `'wght' ${/^(\d{3})\s/.exec(font)?.[1] ?? '400'}`;
}

/*
 * One measuring context and one canvas per card size, per thread, reused for
 * every card: a canvas's pixels live outside V8's heap, where the collector
 * does not count them, so a new canvas per card kept about 3 MB per card drawn
 * alive until the end of the build (gigabytes at a thousand cards).
 */
let measuring: Context | undefined;
const canvases = new Map<string, Canvas>();

function canvasOfSize(width: number, height: number): Canvas {
  const size = `${width}x${height}`;
  let canvas = canvases.get(size);
  if (!canvas) canvases.set(size, canvas = createCanvas(width, height));
  return canvas;
}

/** The card's layout, measured by the canvas that paints it. */
export function cardLayout(fields: CardFields): CardLayout {
  registerFaces();
  const ctx = measuring ??= createCanvas(1, 1).getContext('2d');
  return layoutCard(fields, (text, font) => {
    setFont(ctx, font);
    return ctx.measureText(text).width;
  });
}

/**
 * Paints a layout. Each line is drawn in the card's direction, so the canvas
 * (like a browser) applies the bidi algorithm with the right base direction:
 * `۱۳۹۷/۰۴/۲۱` and `14:30` stay in reading order inside a Persian line.
 */
export function paintLayout(layout: CardLayout): Buffer {
  registerFaces();
  const canvas = canvasOfSize(layout.width, layout.height);
  const ctx = canvas.getContext('2d');
  // Every property a card sets is set again below; clearing makes the reused canvas a new one.
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = layout.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  for (const rect of layout.rects) {
    ctx.fillStyle = rect.color;
    ctx.fillRect(rect.x, rect.y, rect.width, rect.height);
  }
  ctx.direction = layout.direction;
  for (const line of layout.lines) {
    setFont(ctx, line.font);
    ctx.fillStyle = line.color;
    ctx.textAlign = line.align;
    ctx.fillText(line.text, line.x, line.y);
  }
  return canvas.toBuffer('image/png');
}

/** A card as PNG bytes. */
export function drawCard(fields: CardFields): Buffer {
  return paintLayout(cardLayout(fields));
}
