/**
 * The sizes a lead picture is cut to beyond the page itself: the share card
 * link previews show, and the three shapes Google asks a NewsArticle's
 * `image` to come in. Pure arithmetic, shared by the validation pass (is the
 * picture large enough?) and the pages (which crops to make).
 */

/** The share card OpenGraph and Twitter draw large: 1200×630. A lead picture smaller than this is an error. */
export const SHARE_CARD = { width: 1200, height: 630 } as const;

/** Google's recommended shapes for an article's picture (16:9, 4:3, 1:1), each at least this wide where the source allows. */
export const STRUCTURED_DATA_SHAPES = [[16, 9], [4, 3], [1, 1]] as const;
export const STRUCTURED_DATA_WIDTH = 1200;

export interface Size { width: number; height: number }

/** Whether a picture covers a share card without being enlarged. */
export const coversShareCard = (size: Size) => size.width >= SHARE_CARD.width && size.height >= SHARE_CARD.height;

/**
 * The crop of a picture in the shape `ratioW:ratioH`: the largest such
 * rectangle inside it, scaled down to `width` when it is wider (never
 * enlarged: a small source gives a smaller crop rather than a blurred one).
 */
export function cropOf(source: Size, ratioW: number, ratioH: number, width: number): Size {
  const largest = Math.min(source.width, (source.height * ratioW) / ratioH);
  const w = Math.floor(Math.min(largest, width));
  return { width: w, height: Math.round((w * ratioH) / ratioW) };
}

/** The three structured-data crops of a picture, widest shape first. */
export const structuredDataCrops = (source: Size): Size[] =>
  STRUCTURED_DATA_SHAPES.map(([w, h]) => cropOf(source, w, h, STRUCTURED_DATA_WIDTH));
