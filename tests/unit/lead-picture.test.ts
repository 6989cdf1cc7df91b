import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { article, removeContentTrees, reported, validateTree } from '../fixtures/content-tree.ts';
import { articleSchema, articleSchemaWithPictures, sitePictureSource } from '../../src/schemas/article.ts';
import { cropOf, coversShareCard, structuredDataCrops } from '../../src/lib/core/picture-crops.ts';
import { z } from 'astro/zod';

afterAll(removeContentTrees);

/** A tiny generated PNG of the given size (flat: its bytes do not matter, only its header). */
const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#7a8b99' } }).png({ compressionLevel: 9 }).toBuffer();

const FILE = 'content/articles/2018/07/visit/index.md';
/** An article in its own folder whose frontmatter names a lead picture; `image:` is on line 6, `src:` on line 7. */
const withLead = (src: string, files: Record<string, Uint8Array | string> = {}) => validateTree({
  'articles/2018/07/visit/index.md': article(`image:\n  src: ${src}\n  alt: Velayati arrives\n  caption: At Vnukovo airport\n  credit: Tasnim`),
  ...Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`articles/2018/07/visit/${name}`, bytes])),
});

const big = await png(1600, 900);

describe('the lead picture: a file beside the article or in content/images/, or a public/ path', () => {
  it('a picture beside the article, one in content/images/ and a public/ path are accepted; an address only on a trusted host (remote-pictures.test.ts)', () => {
    expect(withLead('./lead.jpg', { 'lead.jpg': big }).errors).toEqual([]);
    expect(validateTree({
      'articles/2018/07/visit/index.md': article('image: { src: ../../../../images/map.png, alt: A map }'),
      'images/map.png': big,
    }).errors).toEqual([]);
    expect(withLead('/images/x.jpg').errors).toEqual([]);
    expect(withLead('https://example.com/x.jpg').errors.map((error) => error.field)).toEqual(['image.src']);
  });

  it('a missing file: file, line, image.src, and the closest picture in that folder', () => {
    expect(withLead('./led.jpg', { 'lead.jpg': big }).report)
      .toMatch(reported(FILE, { line: 7, field: 'image.src', has: ['"./led.jpg" does not exist', 'did you mean "./lead.jpg"?'] }));
  });

  it('a picture too small for a share card: file, line, image.src, its size and the size needed', async () => {
    const { report } = withLead('./small.png', { 'small.png': await png(1000, 700) });
    expect(report).toMatch(reported(FILE, { line: 7, field: 'image.src', has: ['"./small.png" is 1000×700 pixels, too small for a share card', 'at least 1200×630'] }));
    // Wide enough but not tall enough is too small too; exactly the card's size is fine.
    expect(withLead('./low.png', { 'low.png': await png(2000, 600) }).report).toMatch(reported(FILE, { line: 7, field: 'image.src', has: ['2000×600 pixels'] }));
    expect(withLead('./card.png', { 'card.png': await png(1200, 630) }).errors).toEqual([]);
  });

  it('a file that is not a picture, or of a format the site does not optimise', () => {
    expect(withLead('./lead.jpg', { 'lead.jpg': 'not a jpeg' }).report).toMatch(reported(FILE, { line: 7, field: 'image.src', has: ['cannot be read as a picture'] }));
    expect(withLead('./lead.svg', { 'lead.svg': '<svg/>' }).report).toMatch(reported(FILE, { line: 7, field: 'image.src', has: ['is not a picture the site can optimise'] }));
  });

  it('the schema takes a caption and documents where the file may be', () => {
    const image = { src: './lead.jpg', alt: 'A', caption: 'At the airport', credit: 'AP' };
    const parsed = articleSchema.safeParse({ title: 'T', description: 'D', pubDate: '2018-07-12', topics: ['x'], image });
    expect(parsed.success && parsed.data.image).toEqual(image);
    const json = JSON.stringify(z.toJSONSchema(articleSchema, { io: 'input', unrepresentable: 'any' }));
    expect(json).toContain('content/images/');
    expect(json).toContain('1200×630');
  });

  it('in Astro\'s content layer, a file goes through image() and a site path or address stays text', async () => {
    const resolved = { src: '/_astro/lead.hash.jpg', width: 1600, height: 900, format: 'jpg' };
    const image = () => z.string().transform(() => resolved);
    const schema = articleSchemaWithPictures(image);
    const parse = async (src: string) => ((await schema.parseAsync({ title: 'T', description: 'D', pubDate: '2018-07-12', topics: ['x'], image: { src, alt: 'A' } })).image as { src: unknown }).src;
    expect(await parse('./lead.jpg')).toEqual(resolved);
    expect(await parse('../../images/x.png')).toEqual(resolved);
    expect(await parse('/images/x.jpg')).toBe('/images/x.jpg');
    expect(await parse('https://example.com/x.jpg')).toBe('https://example.com/x.jpg');
    expect(sitePictureSource.safeParse('./x.jpg').success).toBe(false);
  });

  it('in Astro\'s content layer, a picture the build downloaded goes through image() by its copy; one not downloaded stays text', async () => {
    const given: string[] = [];
    const image = () => z.string().transform((path) => (given.push(path), { src: '/_astro/copy.hash.jpg', width: 1600, height: 1000, format: 'jpg' }));
    const copies: Record<string, string> = { 'https://images.example.org/a.jpg': '/cache/remote-pictures/a-0123.jpg' };
    const schema = articleSchemaWithPictures(image, (url) => copies[url]);
    const parse = async (src: string) => ((await schema.parseAsync({ title: 'T', description: 'D', pubDate: '2018-07-12', topics: ['x'], image: { src, alt: 'A' } })).image as { src: unknown }).src;
    expect(await parse('https://images.example.org/a.jpg')).toMatchObject({ src: '/_astro/copy.hash.jpg' });
    expect(given).toEqual(['/cache/remote-pictures/a-0123.jpg']);
    expect(await parse('https://images.example.org/b.jpg')).toBe('https://images.example.org/b.jpg');
    expect(await parse('/images/x.jpg')).toBe('/images/x.jpg');
  });
});

describe('crops of the lead picture', () => {
  it('16:9, 4:3 and 1:1 at 1200 px wide when the source allows, never enlarged', () => {
    expect(structuredDataCrops({ width: 4000, height: 3000 })).toEqual([
      { width: 1200, height: 675 }, { width: 1200, height: 900 }, { width: 1200, height: 1200 },
    ]);
    // A 1600×900 source is too short for a 1200-px square: the square is as large as it can be.
    expect(structuredDataCrops({ width: 1600, height: 900 })).toEqual([
      { width: 1200, height: 675 }, { width: 1200, height: 900 }, { width: 900, height: 900 },
    ]);
    expect(cropOf({ width: 1200, height: 630 }, 1200, 630, 1200)).toEqual({ width: 1200, height: 630 });
    expect(coversShareCard({ width: 1199, height: 2000 })).toBe(false);
  });
});
