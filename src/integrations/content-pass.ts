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
import { createHash } from 'node:crypto';
import { checkContentTree, type ContentCheck } from '../lib/content/check.ts';
import type { ValidationMemo, ValidContent } from '../lib/content/validate.ts';
import { buildArchive, type Archive } from '../lib/model/archive.ts';
import { gitFactsOnce, type GitFacts } from '../lib/build/git.ts';
import { ledgerFields, quotesInSource } from '../lib/content/quote-syntax.ts';
import { archiveQuoteLedger, type QuoteLedger } from '../lib/model/quote-ledger.ts';

export interface ContentPass {
  /** Where the project is, once Astro's config is known. */
  setRoot(root: string): void;
  root(): string;
  /** The pass's result, run again if content changed since. Article bodies are not kept. */
  result(): ContentCheck & { content: ValidContent };
  /**
   * The dev server: keep each file's outcome and each article's quotations from one run of the
   * pass to the next, so that after an edit only changed files are parsed again. A build runs
   * the pass once and keeps nothing.
   */
  followEdits(): void;
  /** Content changed (dev server): the next `result()` reads the tree again. */
  invalidate(): void;
  /** The archive model of the latest result, drafts included or not. */
  archive(options: { includeDrafts: boolean }): Archive;
  /** The quote ledger of the published articles (the sitemap dates the quotes pages by it). */
  ledger(): QuoteLedger;
  /** Git's dates for the content folder, read once. */
  gitFacts(): Promise<GitFacts>;
}

export function contentPass(): ContentPass {
  let root: string | undefined;
  let current: (ContentCheck & { content: ValidContent }) | undefined;
  const archives = new Map<boolean, Archive>();
  let git: Promise<GitFacts> | undefined;
  let quotes = new Map<string, ReturnType<typeof ledgerFields>[]>();
  // Set by followEdits(): digests and outcomes kept from one run of the pass to the next.
  let memo: ValidationMemo | undefined;
  const quoteMemo = new Map<string, { digest: string; quotes: ReturnType<typeof ledgerFields>[] }>();
  const digest = (text: string) => createHash('sha1').update(text).digest('base64');
  const quotesOf = (article: { id: string; file: string; body: string }) => {
    const parse = () => quotesInSource(article.body, /\.mdx$/i.test(article.file) ? 'mdx' : 'md').map(ledgerFields);
    if (!memo) return parse();
    // A digest, not the body: the bodies are most of an archive's size.
    const bodyDigest = digest(`${article.file}\n${article.body}`);
    const kept = quoteMemo.get(article.id);
    if (kept?.digest === bodyDigest) return kept.quotes;
    const found = parse();
    quoteMemo.set(article.id, { digest: bodyDigest, quotes: found });
    return found;
  };
  const pass: ContentPass = {
    setRoot(value) {
      if (value !== root) pass.invalidate();
      root = value;
    },
    followEdits() {
      memo ??= { digest, files: new Map() };
    },
    root() {
      if (root === undefined) throw new Error('the content pass was read before Astro gave the project root');
      return root;
    },
    result() {
      if (!current) {
        const check = checkContentTree(pass.root(), process.env, memo);
        // Bodies are what the pages render from Astro's store; nothing here needs them but
        // their quotations, and an archive's bodies are most of its size.
        quotes = new Map(check.content.articles.map((article) => [article.id, quotesOf(article)]));
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
    ledger() {
      // The archive first: reading it runs the pass, which extracts the quotations.
      const archive = pass.archive({ includeDrafts: false });
      return archiveQuoteLedger(archive, (id) => quotes.get(id) ?? []);
    },
    gitFacts() {
      // Silent: the pages' own read of the same history (src/lib/routes/page-facts.ts) warns once.
      git ??= gitFactsOnce(pass.result().contentDir, () => {});
      return git;
    },
  };
  return pass;
}
