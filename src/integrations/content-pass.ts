/**
 * The one read of the content tree that Chronicle's integrations share.
 *
 * The Chronicle integration runs the validation pass once, before Astro
 * loads anything; the other integrations (quotations in Markdown, the
 * `_redirects` file, the sitemap's dates, the dev server's search index)
 * read its result here instead of reading the files again. Under the dev
 * server a change to a content file marks the result stale, and the next
 * reader runs the pass again. Astro's own glob loaders (content.config.ts)
 * read the files for the pages; they share the folder, file patterns and id
 * rule with the pass (src/lib/core/kinds.ts, src/lib/core/ids.ts).
 */
import { checkContentTree, type ContentCheck } from '../lib/content/check.ts';
import type { ValidContent } from '../lib/content/validate.ts';
import { buildArchive, type Archive } from '../lib/model/archive.ts';
import { gitFactsOnce, type GitFacts } from '../lib/build/git.ts';

export interface ContentPass {
  /** Where the project is, once Astro's config is known. */
  setRoot(root: string): void;
  root(): string;
  /** The pass's result, run again if content changed since. Article bodies are not kept. */
  result(): ContentCheck & { content: ValidContent };
  /** Content changed (dev server): the next `result()` reads the tree again. */
  invalidate(): void;
  /** The archive model of the latest result, drafts included or not. */
  archive(options: { includeDrafts: boolean }): Archive;
  /** Git's dates for the content folder, read once. */
  gitFacts(): Promise<GitFacts>;
}

export function contentPass(): ContentPass {
  let root: string | undefined;
  let current: (ContentCheck & { content: ValidContent }) | undefined;
  const archives = new Map<boolean, Archive>();
  let git: Promise<GitFacts> | undefined;
  const pass: ContentPass = {
    setRoot(value) {
      if (value !== root) pass.invalidate();
      root = value;
    },
    root() {
      if (root === undefined) throw new Error('the content pass was read before Astro gave the project root');
      return root;
    },
    result() {
      if (!current) {
        const check = checkContentTree(pass.root());
        // Bodies are what the pages render from Astro's store; nothing here needs them,
        // and an archive's bodies are most of its size.
        for (const article of check.content.articles) article.body = '';
        current = check;
      }
      return current;
    },
    invalidate() {
      current = undefined;
      archives.clear();
    },
    archive({ includeDrafts }) {
      let archive = archives.get(includeDrafts);
      if (!archive) archives.set(includeDrafts, (archive = buildArchive(pass.result().content, { includeDrafts })));
      return archive;
    },
    gitFacts() {
      // Silent: the pages' own read of the same history (src/lib/routes/page-facts.ts) warns once.
      git ??= gitFactsOnce(pass.result().contentDir, () => {});
      return git;
    },
  };
  return pass;
}
