/**
 * Pictures for the benchmark corpus (`npm run bench -- --pictures 0.2`): a
 * share of the articles gets a lead picture of a realistic size (JPEG, 1,600
 * to 2,560 px wide, a few hundred KB, as a camera or an agency sends them),
 * and a quarter of those two pictures in the body (a JPEG photo with a
 * caption, a PNG map or screenshot with a caption and a credit). Each article
 * has files of its own in `content/images/bench/` (hard links to a few
 * distinct sources, so the corpus stays small on disk while the build
 * optimises every file as it would a real archive's).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodedPhoto } from './photo.ts';

/** The distinct pictures the corpus's files are copies of. */
export const PICTURE_SOURCES = {
  lead: [
    { width: 1920, height: 1280, format: 'jpeg' }, { width: 2400, height: 1600, format: 'jpeg' }, { width: 1600, height: 1067, format: 'jpeg' },
    { width: 2048, height: 1152, format: 'jpeg' }, { width: 1920, height: 1080, format: 'jpeg' }, { width: 2560, height: 1440, format: 'jpeg' },
  ],
  body: [
    { width: 1600, height: 900, format: 'jpeg' }, { width: 1280, height: 960, format: 'jpeg' },
    { width: 1000, height: 700, format: 'png' }, { width: 1200, height: 675, format: 'png' },
  ],
} as const;

type Kind = keyof typeof PICTURE_SOURCES;
/** A picture file of the corpus: its path under the content folder and the source it copies. */
export interface CorpusPicture { path: string; kind: Kind; source: number }
export interface ArticlePictures { lead?: CorpusPicture; body: CorpusPicture[] }

interface Chance { chance(p: number): boolean; int(min: number, max: number): number }

/**
 * Which pictures article `index` has. `random` is a stream of its own, so the
 * rest of the corpus is the same with pictures or without.
 */
export function planPictures(random: Chance, share: number, index: number): ArticlePictures {
  if (!(share > 0) || !random.chance(share)) return { body: [] };
  const file = (name: string, kind: Kind, ext: string): CorpusPicture => ({ path: `images/bench/${index + 1}-${name}.${ext}`, kind, source: random.int(0, PICTURE_SOURCES[kind].length - 1) });
  const lead = file('lead', 'lead', 'jpg');
  if (!random.chance(0.25)) return { lead, body: [] };
  const photo = file('photo', 'body', 'jpg');
  photo.source %= 2;
  const map = file('map', 'body', 'png');
  map.source = 2 + (map.source % 2);
  return { lead, body: [photo, map] };
}

/** Writes the sources once (in `poolDir`), then links each picture of the corpus to its source. */
export async function writeCorpusPictures(contentDir: string, poolDir: string, pictures: readonly CorpusPicture[]): Promise<void> {
  mkdirSync(poolDir, { recursive: true });
  const sourceFile = async (kind: Kind, index: number) => {
    const { width, height, format } = PICTURE_SOURCES[kind][index]!;
    const file = join(poolDir, `${kind}-${index}.${format === 'jpeg' ? 'jpg' : 'png'}`);
    if (!existsSync(file)) writeFileSync(file, await encodedPhoto(width, height, format, 2 + index + (kind === 'body' ? 10 : 0)));
    return file;
  };
  const made = new Set<string>();
  for (const picture of pictures) {
    const target = join(contentDir, picture.path);
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true }), made.add(folder);
    const from = await sourceFile(picture.kind, picture.source);
    try {
      linkSync(from, target);
    } catch {
      copyFileSync(from, target);
    }
  }
}
