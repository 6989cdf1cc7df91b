import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ROOT } from './site.ts';

/** An article kept in a folder with its pictures (`index.md` beside the files). */
export const PICTURE_ARTICLE = {
  id: '2018/07/velayati-arrives-in-moscow',
  title: 'Velayati Arrives in Moscow',
  caption: 'Velayati at Vnukovo airport on Wednesday evening',
  /** The caption of the picture written by reference, `![alt][ref]` with `[ref]: ./x.jpg "Caption"`. */
  referenceCaption: 'The plane at Vnukovo, seen from the terminal',
  /** Its lead picture (`lead.jpg` beside it, 1920×1280). */
  lead: { alt: 'Velayati greeted on the tarmac by Russian officials', caption: 'The envoy is met at the foot of the steps', credit: 'Photo: Tasnim' },
};

/** A Persian MDX article with a <Figure> carrying a caption and a credit. */
export const FIGURE_ARTICLE = {
  id: '2018/07/velayati-putin',
  caption: 'دیدار در کرملین',
  credit: 'عکس: خبرگزاری تسنیم',
  /** Its lead picture, from the shared `content/images/` folder (1600×1000). */
  lead: { alt: 'ولایتی و پوتین در کاخ کرملین', caption: 'ولایتی پیش از دیدار', credit: 'عکس: ایرنا' },
};

/** A JPEG of the given size: a gradient, so it compresses like a photo rather than a flat colour. */
export function photo(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = 128 + 60 * Math.sin(x / 23 + y / 31);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

/**
 * The seed content plus one Markdown article with pictures (a lead picture beside it): a wide one next to
 * it (wider than any screen's column), one with a caption (a figure), and one
 * from the shared `content/images/` folder; a decorative one (no alt text, no caption), and a captioned one written by reference.
 */
export async function picturesFixture(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-pictures-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  const folder = join(dir, 'articles', PICTURE_ARTICLE.id);
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(dir, 'images'), { recursive: true });
  writeFileSync(join(folder, 'arrival.jpg'), await photo(1920, 1280));
  writeFileSync(join(folder, 'kremlin.jpg'), await photo(1600, 900));
  writeFileSync(join(folder, 'lead.jpg'), await photo(1920, 1280));
  writeFileSync(join(dir, 'images', 'kremlin-hall.jpg'), await photo(1600, 1000));
  writeFileSync(join(dir, 'images', 'map.png'), await sharp(await photo(800, 600)).png().toBuffer());
  writeFileSync(join(folder, 'index.md'), `---
title: "${PICTURE_ARTICLE.title}"
description: "Iran's special envoy lands in Moscow carrying messages for President Putin."
pubDate: 2018-07-11
dateline: MOSCOW
topics: [iran-russia-relations]
people: [ali-akbar-velayati]
image:
  src: ./lead.jpg
  alt: "${PICTURE_ARTICLE.lead.alt}"
  caption: "${PICTURE_ARTICLE.lead.caption}"
  credit: "${PICTURE_ARTICLE.lead.credit}"
---

Ali Akbar Velayati arrived in Moscow on Wednesday evening.

![Velayati walks down the steps of an Iranian government plane](./arrival.jpg)

He is to meet President Vladimir Putin on Thursday.

![The Kremlin's towers seen across the Moscow river](./kremlin.jpg "${PICTURE_ARTICLE.caption}")

The route of the envoy's trip:

![A map of the route from Tehran to Moscow](../../../../images/map.png)

He returns to Tehran on Friday.

![](./kremlin.jpg "decorative")

Some editors write pictures by reference:

![The plane on the apron at Vnukovo][apron]

[apron]: ./arrival.jpg "${PICTURE_ARTICLE.referenceCaption}"
`);
  // The Persian article's lead picture is in the shared folder.
  const figureFolder = join(dir, 'articles', FIGURE_ARTICLE.id);
  mkdirSync(figureFolder, { recursive: true });
  writeFileSync(join(figureFolder, 'talks.jpg'), await photo(1600, 1000));
  writeFileSync(join(figureFolder, 'index.mdx'), `---
title: "دیدار ولایتی و پوتین در مسکو"
description: "ولایتی پیام‌های رهبران ایران را به رئیس‌جمهور روسیه رساند."
pubDate: 2018-07-12
lang: fa
topics: [iran-russia-relations]
image:
  src: ../../../../images/kremlin-hall.jpg
  alt: "${FIGURE_ARTICLE.lead.alt}"
  caption: "${FIGURE_ARTICLE.lead.caption}"
  credit: "${FIGURE_ARTICLE.lead.credit}"
---

ولایتی و پوتین در کرملین دیدار کردند.

<Figure src="./talks.jpg" alt="ولایتی و پوتین پشت میز مذاکره" caption="${FIGURE_ARTICLE.caption}" credit="${FIGURE_ARTICLE.credit}" />

گفت‌وگو دو ساعت طول کشید.
`);
  return dir;
}
