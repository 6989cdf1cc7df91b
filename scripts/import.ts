/**
 * `npm run import -- <wordpress|feed|hugo|jekyll> <source> [options]`
 *
 * Brings an existing archive into Chronicle as ordinary content files (see
 * /guide/import/ and src/lib/import/). Safe to run again: unchanged input
 * writes identical files, and a file edited since the last import is kept.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { commandLine, type Fail } from './command-line.ts';
import { resolveContentDir } from '../src/lib/content/files.ts';
import { IMPORT_KINDS, ImportError, type ImportKind } from '../src/lib/import/model.ts';
import { runImport } from '../src/lib/import/run.ts';
import { markdownReport, terminalReport } from '../src/lib/import/report.ts';

const USAGE = `Usage: npm run import -- <${IMPORT_KINDS.join('|')}> <source> [options]

  wordpress <file.xml>   a WordPress export (Tools → Export → All content)
  feed <file or URL>     an RSS 2.0 or Atom feed
  hugo <folder>          a Hugo site (or its content/ folder)
  jekyll <folder>        a Jekyll site (with _posts/)

  --out <dir>        the content folder to write into (default: content/ or CHRONICLE_CONTENT_DIR)
  --public <dir>     where pictures sent as they are go (SVG, small featured
                     pictures), under images/ (default: public/)
  --tags <mode>      topics: tags become topics (default); keep: tags stay the
                     article's tags (no topic files); drop: tags are left out.
                     A feed's categories count as tags
  --topic <id>       the topic of articles that have none (default: one named after the site)
  --lang <tag>       the language of articles whose source does not say (e.g. fa)
  --report <file>    where the report goes (default: import-report.md)
  --no-pictures      do not fetch pictures; articles link to the old site's copies
  --force            overwrite files edited since the last import

Examples:
  npm run import -- wordpress ~/Downloads/newsroom.WordPress.2018-07-12.xml
  npm run import -- feed https://example.org/feed.xml --topic world
  npm run import -- hugo ../old-site --tags drop`;

const root = resolve(import.meta.dirname, '..');
const { values, positionals, fail: stop } = commandLine('import', USAGE, {
  out: { type: 'string' },
  public: { type: 'string' },
  tags: { type: 'string', default: 'topics' },
  topic: { type: 'string' },
  lang: { type: 'string' },
  report: { type: 'string' },
  'no-pictures': { type: 'boolean' },
  force: { type: 'boolean' },
});
// Declared with its type, so that TypeScript knows code after a failed check does not run.
const fail: Fail = stop;
const [kind, source, ...extra] = positionals;
if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) fail(kind ? `unknown kind "${kind}"` : 'what should be imported?', true);
if (!source) fail(`the ${kind} source is missing`, true);
if (extra.length) fail(`unexpected ${extra.map((e) => `"${e}"`).join(' ')}`, true);
if (values.tags !== 'topics' && values.tags !== 'keep' && values.tags !== 'drop') fail(`--tags ${values.tags}: expected topics, keep or drop`, true);
if (values.topic && !/^[a-z][a-z0-9-]*$/.test(values.topic)) fail(`--topic ${values.topic}: expected a topic id like "world-news"`);

// npm runs scripts from the repository; INIT_CWD is where the command was typed, for relative paths.
const cwd = process.env.INIT_CWD ?? process.cwd();
const contentDir = values.out ? resolve(cwd, values.out) : resolveContentDir(root);
const publicDir = resolve(cwd, values.public ?? resolve(root, 'public'));
const reportPath = resolve(cwd, values.report ?? resolve(root, 'import-report.md'));
const shown = (full: string) => {
  const inside = relative(root, full);
  return inside && !inside.startsWith('..') ? inside : full;
};

try {
  const outcome = await runImport({
    kind: kind as ImportKind,
    source: /^https?:\/\//i.test(source) ? source : resolve(cwd, source),
    contentDir,
    publicDir,
    tags: values.tags,
    topic: values.topic,
    lang: values.lang,
    pictures: !values['no-pictures'],
    force: values.force ?? false,
    displayRoot: root,
  });
  outcome.source = /^https?:\/\//i.test(source) ? source : shown(resolve(cwd, source));
  writeFileSync(reportPath, markdownReport(outcome));
  console.log(terminalReport(outcome, shown(reportPath)));
} catch (error) {
  if (error instanceof ImportError) fail(`${error.message}\nNothing was written.`);
  throw error;
}
