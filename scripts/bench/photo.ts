/**
 * Deterministic photo-like pictures for the benchmarks: low-frequency colour
 * fields, edges and grain, so Sharp encodes them as it would a photograph
 * rather than a flat test card.
 */
import sharp from 'sharp';

/** Raw RGB pixels of a `width` × `height` photo-like picture; `seed` varies the scene. */
export function photoLike(width: number, height: number, seed = 1): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  // Seed 1 is the scene bench-images has always measured; other seeds shift the horizon and the fields.
  const shift = seed === 1 ? 0 : (seed * 37) % 100;
  const horizon = 0.45 + (seed === 1 ? 0 : ((seed % 5) - 2) * 0.05);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sky = y < height * (horizon + 0.08 * Math.sin((x + shift * 7) / 170));
      const base = sky
        ? [120 + y / 12, 160 + y / 16, 220]
        : [90 + 40 * Math.sin((x + shift) / 90) * Math.cos(y / 70), 80 + x / 40 + shift / 3, 60 + y / 30];
      const grain = (random() - 0.5) * 18;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.max(0, Math.min(255, base[c]! + grain));
    }
  }
  return pixels;
}

/** A photo-like picture encoded as JPEG (quality 90, as a camera or an agency would send it) or PNG. */
export function encodedPhoto(width: number, height: number, format: 'jpeg' | 'png', seed = 1): Promise<Buffer> {
  const picture = sharp(photoLike(width, height, seed), { raw: { width, height, channels: 3 } });
  return (format === 'jpeg' ? picture.jpeg({ quality: 90 }) : picture.png()).toBuffer();
}
