import { relative, resolve, sep } from 'node:path';
import type { Archive } from '../model/archive.ts';
import { contentDir, root } from 'virtual:chronicle/project';
import { gitFactsOnce, lastCommitOf, pathInRepository, type GitFacts } from '../build/git.ts';
import { repoLinks, type RepoLinks } from '../site/repo-links.ts';
import { lastModified } from '../site/sitemap-dates.ts';
import { getArchive } from './load-archive.ts';
import { absoluteUrl } from './site-urls.ts';

/**
 * Where the site's files live online, for "Edit this page" and history
 * links: CHRONICLE_REPO_URL (e.g. https://github.com/org/chronicle) and
 * CHRONICLE_REPO_BRANCH (default `main`). Without a URL the links are hidden.
 */
export const REPOSITORY = {
  url: process.env.CHRONICLE_REPO_URL?.trim() || undefined,
  branch: process.env.CHRONICLE_REPO_BRANCH?.trim() || 'main',
};

/** Git history of the content folder: one `git log` per build, one warning if there is none. */
export function gitFacts(): Promise<GitFacts> {
  return gitFactsOnce(contentDir, (message) => console.warn(`[chronicle] ${message}`));
}

/** What git says about one content file. */
export interface FileFacts {
  /** Latest of pubDate, updatedDate and the last commit. */
  modified: Date;
  /** The last commit, when git knows the file. */
  committed?: Date;
  links?: RepoLinks;
}

/** A content file (as Astro names it, relative to the project root) as an absolute path. */
const absolute = (file: string) => resolve(root, file);

/** A content file's path inside the repository: from git, or relative to the project when git is unavailable. */
function repoPathOf(facts: GitFacts, file: string): string | undefined {
  if (facts.history) return pathInRepository(facts.history, absolute(file));
  const inside = relative(root, absolute(file));
  return inside.startsWith('..') ? undefined : inside.split(sep).join('/');
}

export interface StandardsModel {
  articles: Map<string, FileFacts>;
}

const models = new WeakMap<Archive, Promise<StandardsModel>>();

/**
 * Per-article dates and links, computed once per archive (so once per build)
 * and shared with the sitemap's `lastmod`.
 */
export async function getStandards(): Promise<StandardsModel> {
  const archive = await getArchive();
  let model = models.get(archive);
  if (!model) {
    model = gitFacts().then((facts) => build(archive, facts));
    models.set(archive, model);
  }
  return model;
}

function build(archive: Archive, facts: GitFacts): StandardsModel {
  const articles = new Map<string, FileFacts>();
  for (const article of archive.articles) {
    const committed = lastCommitOf(facts, absolute(article.file));
    const links = repoLinks(REPOSITORY.url, REPOSITORY.branch, repoPathOf(facts, article.file));
    articles.set(article.id, { modified: lastModified(article, committed), ...(committed ? { committed } : {}), ...(links ? { links } : {}) });
  }
  return { articles };
}

/** An article image's absolute URL: site paths and http(s) URLs; a path relative to the file has none. */
export function imageUrl(src: string | undefined, site: URL | undefined): string | undefined {
  if (!src) return undefined;
  if (/^https?:\/\//i.test(src)) return src;
  if (src.startsWith('./') || src.startsWith('../')) return undefined;
  return absoluteUrl(src.startsWith('/') ? src : `/${src}`, site);
}
