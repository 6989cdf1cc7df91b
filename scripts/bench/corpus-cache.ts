/**
 * The benchmarks' corpora, generated once and kept in `.bench/corpus/` with
 * their manifest, so `npm run bench` and `npm run bench:dev` measure the same
 * files and neither pays for generating them twice.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, GENERATOR_VERSION, type CorpusManifest } from './corpus.ts';
import { writeCorpusPictures } from './corpus-pictures.ts';

export interface CorpusChoice {
  articles: number;
  seed: number;
  /** The share of `.mdx` articles, 0..1. */
  mdxShare: number;
  /** The share of articles with a lead picture, 0..1 (0 unless given). */
  pictures?: number;
}

/** The corpus's folder name: its size, seed, MDX share (0.3 was the share before --mdx-share existed, kept unsuffixed) and picture share. */
export function corpusName({ articles, seed, mdxShare, pictures = 0 }: CorpusChoice): string {
  const name = `${articles}-s${seed}${mdxShare === 0.3 ? '' : `-mdx${Math.round(mdxShare * 100)}`}`;
  return pictures ? `${name}-pics${Math.round(pictures * 100)}` : name;
}

/**
 * The corpus in `<root>/.bench/corpus/`, generated unless a copy from this
 * generator version is there. `reused(dir, manifest)` runs on a kept copy
 * first, to undo what an interrupted benchmark may have left edited.
 */
export async function cachedCorpus(
  root: string,
  choice: CorpusChoice,
  log: (message: string) => void,
  reused: (dir: string, manifest: CorpusManifest) => void = () => {},
): Promise<{ dir: string; manifest: CorpusManifest }> {
  const dir = join(root, '.bench', 'corpus', corpusName(choice));
  const manifestFile = `${dir}.json`;
  if (existsSync(manifestFile)) {
    const saved = JSON.parse(readFileSync(manifestFile, 'utf8')) as CorpusManifest & { version: number };
    if (saved.version === GENERATOR_VERSION) {
      reused(dir, saved);
      log(`reusing corpus ${dir}`);
      return { dir, manifest: saved };
    }
  }
  const pictures = choice.pictures ?? 0;
  log(`generating ${choice.articles} articles (seed ${choice.seed}, ${Math.round(choice.mdxShare * 100)} % MDX, ${Math.round(pictures * 100)} % with pictures) in ${dir}`);
  const start = performance.now();
  const manifest = generateCorpus(dir, { ...choice, pictures });
  await writeCorpusPictures(dir, join(root, '.bench', 'corpus', 'picture-sources'), manifest.pictures);
  writeFileSync(manifestFile, JSON.stringify({ version: GENERATOR_VERSION, ...manifest }));
  log(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return { dir, manifest };
}
