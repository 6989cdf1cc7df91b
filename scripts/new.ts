/**
 * `npm run new -- <kind> "Title" [--topic id] [--date 2018-07-12] [--parent id] [--id id] [--md] [--image file]`
 *
 * Creates a content file with a valid frontmatter template in the right
 * folder (content/ or CHRONICLE_CONTENT_DIR), never over an existing one, and
 * prints its path. See /guide/ for the workflow that follows.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { commandLine, type Fail } from './command-line.ts';
import { resolveContentDir } from '../src/lib/content/files.ts';
import { isPictureFile, pictureFormatProblem } from '../src/lib/content/picture-files.ts';
import { KIND_NAMES, KINDS, scaffold, type Kind } from '../src/lib/authoring/scaffold.ts';
import { entryIdFromPath } from '../src/lib/core/ids.ts';

const USAGE = `Usage: npm run new -- <${KIND_NAMES.join('|')}> "Title" [options]

  --topic <id>    the article's topic (required for articles), or an event's topic
  --date <date>   article: the publication day (2018-07-12); event: 2015, 2015-07 or 2015-07-14.
                  Default: today
  --parent <id>   a topic's parent topic
  --id <id>       use this id instead of the one made from the title
  --md            articles: write plain Markdown (.md) instead of MDX (.mdx)
  --image <file>  articles: make a folder for the article (index.mdx), copy the picture
                  beside it and start the text with it, as a figure with a caption

Examples:
  npm run new -- article "Talks to save the nuclear deal resume" --topic jcpoa --date 2018-07-12
  npm run new -- person "Ali Akbar Velayati"
  npm run new -- event "US withdraws from the JCPOA" --date 2018-05-08 --topic jcpoa`;

const root = resolve(import.meta.dirname, '..');
const { values, positionals, fail: stop } = commandLine('new', USAGE, {
  topic: { type: 'string' },
  date: { type: 'string' },
  parent: { type: 'string' },
  id: { type: 'string' },
  md: { type: 'boolean' },
  image: { type: 'string' },
});
// Declared with its type, so that TypeScript knows code after a failed check does not run.
const fail: Fail = stop;
const [kind, ...titleWords] = positionals;
if (!kind || !(KIND_NAMES as string[]).includes(kind)) fail(kind ? `unknown kind "${kind}"` : 'what should be created?', true);
if (titleWords.length === 0) fail('a title is required (in quotes)', true);

const image = values.image;
if (image !== undefined) {
  if (kind !== 'article') fail('--image is for articles');
  if (!existsSync(image)) fail(`there is no picture at ${image}`);
  if (!isPictureFile(image)) fail(`${image} ${pictureFormatProblem(image) ?? 'is not a picture (JPEG, PNG, WebP, AVIF or GIF)'}`);
}

const contentDir = resolveContentDir(root);
const topicsDir = join(contentDir, 'topics');
const knownTopics = existsSync(topicsDir)
  ? readdirSync(topicsDir).filter((name) => name.endsWith('.md')).map(entryIdFromPath).sort()
  : [];

const result = scaffold({
  kind: kind as Kind,
  title: titleWords.join(' '),
  topic: values.topic,
  parent: values.parent,
  date: values.date,
  id: values.id,
  format: values.md ? 'md' : 'mdx',
  knownTopics,
  today: new Date().toISOString().slice(0, 10),
});
if (!result.ok) fail(result.message);

const { collection, samePaths } = result.scaffold;
let { path, text } = result.scaffold;
if (image !== undefined) {
  // The article gets a folder of its own (same address), with the picture beside its text.
  path = path.replace(/\.(mdx?)$/, '/index.$1');
  samePaths.push(path);
  text += `\n![Describe what the picture shows](./${basename(image)} "Caption")\n`;
}
const folder = join(contentDir, KINDS[kind as Kind]);
/** Paths inside the repository are shown from its root (`content/articles/…`), others in full. */
const shown = (full: string) => {
  const inside = relative(root, full);
  return inside && !inside.startsWith('..') ? inside : full;
};
const taken = samePaths.map((p) => join(folder, p)).find((full) => existsSync(full));
if (taken) {
  console.error(`npm run new: ${shown(taken)} already exists; nothing was written. Choose another title or pass --id.`);
  process.exit(1);
}

const target = join(folder, path);
mkdirSync(dirname(target), { recursive: true });
try {
  writeFileSync(target, text, { flag: 'wx' }); // 'wx' refuses to overwrite even if the file appeared just now
} catch (error) {
  console.error(`npm run new: could not write ${shown(target)}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

if (image !== undefined) copyFileSync(image, join(dirname(target), basename(image)));
console.log(shown(target));
const next = collection === 'articles'
  ? 'It is a draft: `npm run dev` shows it; delete `draft: true` to publish. Then `npm run check`.'
  : 'Fill in the fields, then run `npm run check`.';
console.error(next);
