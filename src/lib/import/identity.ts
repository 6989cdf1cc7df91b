import { idFromTitle } from '../authoring/scaffold.ts';
import type { Note, SourceArchive, SourceArticle, SourceTopic } from './model.ts';
import { articleSlug, topicId } from './article-file.ts';

/**
 * Ids for everything an import writes, the same on every run: topics from
 * their slugs, articles in month folders (`2018/07/slug`) from the source's
 * slug or title. When two want the same id, or the id is taken by a file
 * the import did not write, the later one in source order gets `-2`, `-3`…
 * and the report says so.
 */

export interface TopicPlan {
  id: string;
  topic: SourceTopic;
  parent?: string | undefined;
}

export interface Topics {
  /** Topic key (`category:news`) → id. */
  idOf: Map<string, string>;
  /** One per id, in the order first seen. */
  plans: TopicPlan[];
}

export function planTopics(archive: SourceArchive, tagsAsTopics: boolean): Topics {
  const idOf = new Map<string, string>();
  const plans = new Map<string, TopicPlan>();
  const kept = archive.topics.filter((t) => t.kind === 'category' || tagsAsTopics);
  for (const topic of kept) {
    const id = topicId(topic);
    idOf.set(topic.key, id);
    // A category and a tag with the same name are one topic; the category's details win.
    if (!plans.has(id)) plans.set(id, { id, topic });
  }
  for (const plan of plans.values()) {
    const parent = plan.topic.parentKey ? idOf.get(plan.topic.parentKey) : undefined;
    if (parent && parent !== plan.id) plan.parent = parent;
  }
  // A cycle in the source's parents would stop the build: the first topic of one loses its parent.
  for (const plan of plans.values()) {
    const seen = new Set<string>([plan.id]);
    for (let at = plan.parent; at; at = plans.get(at)?.parent) {
      if (seen.has(at)) {
        plan.parent = undefined;
        break;
      }
      seen.add(at);
    }
  }
  return { idOf, plans: [...plans.values()] };
}

/** The ids of the topics articles use, with their ancestors, in a stable order. */
export function usedTopics(topics: Topics, used: Iterable<string>): TopicPlan[] {
  const byId = new Map(topics.plans.map((p) => [p.id, p]));
  const wanted = new Set<string>();
  for (const id of used) {
    for (let at: string | undefined = id; at && !wanted.has(at); at = byId.get(at)?.parent) wanted.add(at);
  }
  return topics.plans.filter((p) => wanted.has(p.id));
}

export function fallbackTopicId(archive: SourceArchive, given: string | undefined): string {
  if (given) return given;
  const fromTitle = archive.siteTitle ? idFromTitle(archive.siteTitle) : '';
  return /^[a-z]/.test(fromTitle) ? fromTitle : 'imported';
}

export interface ArticlePlan {
  article: SourceArticle;
  id: string;
  notes: Note[];
}

/**
 * `taken(id)` says whether a file the import did not write already has
 * this id. Source order decides who keeps the plain id, so a re-run with the
 * same input gives every article the same id.
 */
export function planArticleIds(archive: SourceArchive, taken: (id: string) => boolean): ArticlePlan[] {
  const used = new Map<string, SourceArticle>();
  return archive.articles.map((article, index) => {
    const folder = `${article.pubDate.slice(0, 4)}/${article.pubDate.slice(5, 7)}`;
    const slug = articleSlug(article.slug, article.title, article.postId ? `post-${article.postId}` : `article-${index + 1}`);
    const notes: Note[] = [...(article.notes ?? [])];
    let id = `${folder}/${slug}`;
    for (let n = 2; used.has(id) || taken(id); n++) {
      const reason = used.has(id)
        ? `"${used.get(id)!.title}" (${used.get(id)!.place.file}${used.get(id)!.place.line ? `:${used.get(id)!.place.line}` : ''}) has the same id`
        : 'a file that the import did not write has that id';
      id = `${folder}/${slug}-${n}`;
      if (!used.has(id) && !taken(id)) notes.push({ kind: 'id-collision', detail: `the id ${folder}/${slug} was taken (${reason}); this article is ${id}` });
    }
    used.set(id, article);
    return { article, id, notes };
  });
}

/**
 * Where old links go: each old permalink (as a path and as the full URL)
 * and WordPress's `?p=123` to the new address.
 */
export function linkMap(plans: readonly ArticlePlan[], siteUrl: string | undefined): (href: string) => string {
  const byPath = new Map<string, string>();
  const byPostId = new Map<string, string>();
  const site = siteUrl ? safeUrl(siteUrl) : undefined;
  const key = (url: URL) => `${url.pathname.replace(/\/+$/, '')}/`;
  for (const { article, id } of plans) {
    if (article.draft) continue;
    for (const permalink of article.permalinks) {
      const url = safeUrl(permalink, siteUrl);
      if (url) byPath.set(key(url), `/articles/${id}/`);
    }
    if (article.postId) byPostId.set(article.postId, `/articles/${id}/`);
  }
  return (href) => {
    const url = safeUrl(href, siteUrl);
    if (!url || (site && url.host !== site.host && /^[a-z]+:/i.test(href))) return href;
    const postId = url.searchParams.get('p') ?? url.searchParams.get('page_id');
    if (postId && byPostId.has(postId)) return byPostId.get(postId)! + url.hash;
    const target = href.startsWith('#') ? undefined : byPath.get(key(url));
    return target ? target + url.hash : href;
  };
}

function safeUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base ?? 'http://old.invalid/');
  } catch {
    return undefined;
  }
}
