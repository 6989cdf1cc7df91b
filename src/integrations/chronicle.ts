/**
 * Chronicle as Astro integrations, in the order they must run: the content
 * pass first (validation, before Astro loads anything), the quotation plugin
 * before MDX reads the Markdown settings, and the files written after the
 * pages (`_redirects`, `_headers`, the sitemap with its dates, the search
 * index). They share one read of the content (content-pass.ts) instead of
 * each reading the files again.
 */
import type { AstroIntegration } from 'astro';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { formatReport } from '../lib/content/errors.ts';
import { REMOTE_PICTURES_FOLDER } from '../lib/content/remote-pictures.ts';
import { downloadPictures } from '../lib/content/check.ts';
import { siteTimeZone } from '../lib/core/time-zones.ts';
import { gitFactsOnce, lastCommitOf } from '../lib/build/git.ts';
import { logoProblem } from '../lib/build/logo-setting.ts';
import { daysInSitemap, sitemapDates, sitemapSerializer, type SitemapDates } from '../lib/site/sitemap-dates.ts';
import { contentPass, type ContentPass } from './content-pass.ts';
import { projectModule } from './project-module.ts';
import quoteMarkdown from './quote-markdown.ts';
import figuresMarkdown from './figures-markdown.ts';
import redirectsFile from './redirects-file.ts';
import search from './search/index.ts';
import headers from './headers.ts';
import contentStore from './content-store.ts';
import shareCards from './share-cards.ts';

function timeZoneProblem(): string | undefined {
  try {
    siteTimeZone(process.env.CHRONICLE_TIMEZONE);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** What the dev server does with broken files: it keeps serving the rest. */
const DEV_OUTCOME = 'the dev server keeps serving the other files';

/**
 * The validation pass: every content file checked before Astro loads
 * anything, so all problems are reported together and a broken tree
 * publishes nothing. Under the dev server, every change is checked again.
 */
function contentChecks(pass: ContentPass, dates: { current?: SitemapDates }): AstroIntegration {
  let pictureCache = '';
  let guideDir: string | undefined;
  return {
    name: 'chronicle',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
        guideDir = fileURLToPath(new URL('pages/guide/', config.srcDir));
        // A bad CHRONICLE_TIMEZONE or CHRONICLE_LOGO is one clear line here, not a stack trace from
        // the first page that reads it.
        const settingProblem = timeZoneProblem() ?? logoProblem(fileURLToPath(config.publicDir));
        if (settingProblem) {
          writeSync(2, `${settingProblem}\n`);
          process.exit(1);
        }
        if (command === 'dev') pass.followEdits();
        pass.setRoot(fileURLToPath(config.root));
        const { errors: checked, contentDir, remotePictures } = pass.result();
        updateConfig({ vite: { plugins: [projectModule({ root: pass.root(), contentDir })] } });
        // Pictures on trusted hosts are downloaded here, before Astro renders anything, so a failed
        // download stops the build with the others and nothing of it is written.
        pictureCache = join(fileURLToPath(config.cacheDir), REMOTE_PICTURES_FOLDER);
        const errors = [...checked, ...await downloadPictures(remotePictures, pictureCache)];
        if (errors.length === 0) return;
        if (command === 'dev' || command === 'preview') {
          logger.error(formatReport(errors, DEV_OUTCOME));
          return;
        }
        // The report is the last thing the author reads: thrown, it would be followed by Astro's
        // "unhandled error in a hook" and a stack trace into this file. Written synchronously, so a
        // pipe (CI, the tests) gets all of it before the process ends.
        writeSync(2, `${formatReport(errors)}\n`);
        process.exit(1);
      },
      // The dev server reloads content files by itself; re-check the whole tree
      // after each change so authors see every problem, not only the file's own.
      'astro:server:setup': ({ server, logger }) => {
        const { contentDir, errors } = pass.result();
        let broken = errors.length > 0;
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir + sep)) return;
          pass.invalidate();
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const result = pass.result();
            const now = [...result.errors, ...await downloadPictures(result.remotePictures, pictureCache)];
            if (now.length > 0) logger.error(formatReport(now, DEV_OUTCOME));
            else if (broken) logger.info('Content problems fixed: every content file passes.');
            broken = now.length > 0;
          }, 200);
        });
      },
      // Runs before the sitemap integration writes its files (integrations run in order).
      'astro:build:done': async () => {
        const facts = await pass.gitFacts();
        const root = pass.root();
        dates.current = sitemapDates(pass.archive({ includeDrafts: false }), (file) => lastCommitOf(facts, resolve(root, file)), pass.ledger());
        if (guideDir) for (const [path, date] of await guideDates(guideDir)) dates.current.lastmod.set(path, date);
      },
    },
  };
}

/** Runs after the sitemap integration has written its files: days written as days (see `daysInSitemap`). */
function sitemapDays(): AstroIntegration {
  return {
    name: 'chronicle:sitemap-days',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const name of readdirSync(out).filter((file) => /^sitemap-\d+\.xml$/.test(file))) {
          const file = resolve(out, name);
          writeFileSync(file, daysInSitemap(readFileSync(file, 'utf8')));
        }
      },
    },
  };
}

/** Every integration Chronicle needs, for `integrations` in astro.config.mjs. */
export default function chronicle(options: { base: string }): AstroIntegration[] {
  const pass = contentPass();
  const dates: { current?: SitemapDates } = {};
  return [
    contentChecks(pass, dates),
    quoteMarkdown(pass),
    figuresMarkdown(),
    mdx(),
    sitemap({ serialize: sitemapSerializer(options.base, () => dates.current) }),
    sitemapDays(),
    redirectsFile(pass),
    search(pass),
    headers(),
    contentStore(),
    shareCards(),
  ];
}

/**
 * The guide's pages (`src/pages/guide/<name>.mdx`, at `/guide/<name>/`) dated
 * by their source file's last commit. Without git history they get no date:
 * none is invented.
 */
async function guideDates(dir: string): Promise<Map<string, Date>> {
  const facts = await gitFactsOnce(dir, () => {});
  const dates = new Map<string, Date>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.mdx'))) {
    const date = lastCommitOf(facts, resolve(dir, name));
    if (date) dates.set(name === 'index.mdx' ? '/guide/' : `/guide/${name.slice(0, -'.mdx'.length)}/`, date);
  }
  return dates;
}
