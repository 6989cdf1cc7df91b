import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { checkContentTree } from '../content/check.ts';
import { ImportError, type ImportKind, type Note, type SourceArchive, type SourceAttachment, type SourcePlace } from './model.ts';
import { readWordPress } from './wordpress.ts';
import { readFeed } from './feed.ts';
import { readHugo } from './hugo.ts';
import { readJekyll } from './jekyll.ts';
import { fallbackTopicId, linkMap, planArticleIds, planTopics, usedTopics, type ArticlePlan } from './identity.ts';
import { aliasPath, articleText, tagNames, cutDescription, firstParagraph, htmlText, markdownText, topicText } from './article-file.ts';
import { finishBody, pictureKey, pictureLookup, prepareBody, type BodyContext } from './bodies.ts';
import { fetchPictures, locatePicture, pictureFileName, picturePlace, type PictureOutcome, type WantedPicture } from './pictures.ts';
import { leadPicture } from './lead-picture.ts';
import { readManifest, takenByOthers, writeFiles, type PlannedFile, type WriteResult } from './writer.ts';

/**
 * One import from start to end: read the source (a problem there stops
 * everything before a file is written), plan ids, fetch pictures, write the
 * content files, then check what was written with the build's own checks.
 */

export interface ImportOptions {
  kind: ImportKind;
  source: string;
  contentDir: string;
  publicDir: string;
  /** Tags become topics (`topics`), stay the article's `tags` (`keep`), or are left out (`drop`). */
  tags: 'topics' | 'keep' | 'drop';
  /** The topic of articles that have none. */
  topic?: string | undefined;
  /** Whether pictures are fetched; without, they link to the old site. */
  pictures: boolean;
  force: boolean;
  /** The language of articles whose source does not say. */
  lang?: string | undefined;
  /** The folder paths are shown from (the repository). */
  displayRoot: string;
}

export interface ReportNote {
  kind: Note['kind'];
  file: string;
  line?: number | undefined;
  detail: string;
}

export interface ImportOutcome {
  kind: ImportKind;
  source: string;
  articles: number;
  drafts: number;
  topics: number;
  pictures: number;
  picturesFailed: number;
  write: WriteResult;
  skipped: SourceArchive['skipped'];
  notes: ReportNote[];
  /** WordPress `?p=123` links, for hosts that redirect by query. */
  queryRedirects: { postId: string; to: string }[];
  /** Problems `npm run check` finds in files this import did not write. */
  otherProblems: number;
}

async function readSource(kind: ImportKind, source: string): Promise<SourceArchive> {
  if (kind === 'hugo' || kind === 'jekyll') {
    if (!existsSync(source) || !statSync(source).isDirectory()) throw new ImportError(`${source}: expected the ${kind === 'hugo' ? 'Hugo site' : 'Jekyll site'} folder`);
    return kind === 'hugo' ? readHugo(source) : readJekyll(source);
  }
  let text: string;
  if (kind === 'feed' && /^https?:\/\//i.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(30_000) }).catch((error: Error) => {
      throw new ImportError(`${source}: cannot fetch the feed (${(error.cause as { code?: string } | undefined)?.code ?? error.message})`);
    });
    if (!response.ok) throw new ImportError(`${source}: the server answered ${response.status}`);
    text = await response.text();
  } else {
    if (!existsSync(source) || !statSync(source).isFile()) throw new ImportError(`${source}: no such file`);
    text = readFileSync(source, 'utf8');
  }
  if (!text.trim()) throw new ImportError(`${source}: the file is empty`);
  // Places in an export or a feed are shown by the file's name: `export.xml:123`.
  const name = /^https?:\/\//i.test(source) ? source : basename(source);
  return kind === 'wordpress' ? readWordPress(text, name) : readFeed(text, name);
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function lineOf(text: string, needle: string | undefined): number | undefined {
  if (!needle) return undefined;
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

export async function runImport(options: ImportOptions): Promise<ImportOutcome> {
  const archive = await readSource(options.kind, options.source);
  // Paths are shown from the repository, or from the folder holding the content folder when it is elsewhere.
  const inRepository = !relative(options.displayRoot, options.contentDir).startsWith('..');
  const displayRoot = inRepository ? options.displayRoot : dirname(options.contentDir);
  const show = (full: string) => relative(displayRoot, full).split(sep).join('/') || full;
  const roots = { content: options.contentDir, public: options.publicDir };
  const manifest = readManifest(options.contentDir);
  const attachments = new Map<string, SourceAttachment>(archive.attachments.map((a) => [a.id, a]));
  const isHtml = archive.kind === 'wordpress' || archive.kind === 'feed';

  const topics = planTopics(archive, options.tags === 'topics');
  const fallback = fallbackTopicId(archive, options.topic);
  const plans = planArticleIds(archive, (id) => [`${id}.md`, `${id}.mdx`, `${id}/index.md`, `${id}/index.mdx`].some((name) => takenByOthers(manifest, roots, { root: 'content', path: `articles/${name}` })));
  const link = linkMap(plans, archive.siteUrl);
  const byReference = new Map<string, string>();
  for (const { article, id } of plans) {
    const name = article.place.file.split('/').pop()!;
    for (const reference of [article.place.file, name, name.replace(/\.\w+$/, ''), article.slug ?? '']) if (reference) byReference.set(reference, `/articles/${id}/`);
  }
  const resolvePost = (reference: string) => byReference.get(reference.replace(/^\/|^_posts\/|^content\//g, '')) ?? byReference.get(reference);

  // Bodies are prepared first so every picture can be fetched before any is needed.
  const prepared = plans.map((plan) => prepareBody(plan, archive, attachments, resolvePost));
  const wanted = new Map<string, WantedPicture>();
  // An article that names a picture (in its text, or as its lead) gets a folder of its own (`<id>/index.md`)
  // to hold it: decided by the source alone, so a failed download or --no-pictures never moves the file.
  const inFolder = new Set<string>();
  plans.forEach((plan, index) => {
    const names = new Set<string>();
    const lead = plan.article.lead?.address;
    const addresses = [...(lead ? [{ address: lead, isLead: true }] : []), ...prepared[index]!.pictures.map((address) => ({ address, isLead: false }))];
    for (const { address, isLead } of addresses) {
      const key = pictureKey(plan.id, address);
      const source = locatePicture(address, { siteUrl: archive.siteUrl, staticDir: archive.staticDir, articleDir: archive.articleDirs?.get(plan.article) });
      if (!source || wanted.has(key)) continue;
      inFolder.add(plan.id);
      let name = pictureFileName(address, names.size);
      for (let n = 2; names.has(name); n++) name = name.replace(/(-\d+)?(\.\w+)?$/, `-${n}$2`);
      names.add(name);
      wanted.set(key, { source, lead: isLead, ...picturePlace(plan.id, name, 'content') });
    }
  });
  const fetched: Map<string, PictureOutcome> | undefined = options.pictures ? await fetchPictures(wanted) : undefined;
  const context: BodyContext = { attachments, pictures: fetched, link };
  const choose = pictureLookup(context);

  const files: PlannedFile[] = [];
  const notesByFile = new Map<string, { text: string; notes: Note[] }>();
  const byPath = new Map<string, SourcePlace>();
  const usedTopicIds = new Set<string>();
  plans.forEach((plan, index) => {
    const { article } = plan;
    const body = finishBody(plan, prepared[index]!, context);
    const excerpt = article.excerpt ? (isHtml ? htmlText(article.excerpt) : markdownText(article.excerpt)) : '';
    const title = isHtml ? htmlText(article.title) || article.title : article.title;
    const description = cutDescription(excerpt || firstParagraph(body) || title);
    let articleTopics = [...new Set([...article.categories, ...article.tags].map((key) => topics.idOf.get(key)).filter((id): id is string => Boolean(id)))];
    if (articleTopics.length === 0) articleTopics = [fallback];
    articleTopics.forEach((id) => usedTopicIds.add(id));
    const tags = options.tags === 'keep' ? tagNames(article.tags, archive) : [];
    const lang = (article.lang ?? options.lang)?.replace(/_/g, '-');
    if (lang && !LANGUAGE_TAG.test(lang)) plan.notes.push({ kind: 'unconvertible', detail: `the language "${lang}" is not a BCP 47 tag and was left out` });
    const own = `/articles/${plan.id}/`;
    const aliases = [...new Set(article.permalinks.map((p) => aliasPath(p, archive.siteUrl)).filter((p): p is string => Boolean(p) && p !== own && `${p}/` !== own))];
    const image = article.lead && leadPicture(plan, article.lead, { choose, fetched, title, isHtml });
    const path = inFolder.has(plan.id) ? `articles/${plan.id}/index.md` : `articles/${plan.id}.md`;
    const text = articleText({
      title,
      description,
      pubDate: article.pubDate,
      updatedDate: article.updatedDate,
      authors: article.authors.map((a) => a.slice(0, 200)),
      lang: lang && LANGUAGE_TAG.test(lang) ? lang : undefined,
      topics: articleTopics,
      tags,
      image,
      aliases,
      draft: article.draft,
      body,
    });
    files.push({ root: 'content', path, data: text });
    notesByFile.set(path, { text, notes: plan.notes });
    byPath.set(path, article.place);
  });

  const topicFiles = usedTopics(topics, usedTopicIds);
  const fallbackWritten = usedTopicIds.has(fallback) && !topicFiles.some((t) => t.id === fallback);
  for (const plan of topicFiles) {
    const description = plan.topic.description ? htmlText(plan.topic.description) : `Articles filed under “${plan.topic.name}”.`;
    files.push({ root: 'content', path: `topics/${plan.id}.md`, data: topicText({ id: plan.id, title: htmlText(plan.topic.name) || plan.id, description: description || plan.topic.name, parent: plan.parent }) });
  }
  if (fallbackWritten) {
    files.push({ root: 'content', path: `topics/${fallback}.md`, data: topicText({ id: fallback, title: archive.siteTitle ?? 'Imported', description: `Articles imported from ${archive.siteTitle ?? options.source}.` }) });
  }
  // An existing topic the import did not write is the author's: it is used, not replaced.
  const topicPlanned = files.filter((f) => f.path.startsWith('topics/') && !takenByOthers(manifest, roots, f));
  const pictureFiles: PlannedFile[] = [...(fetched?.values() ?? [])].flatMap((o) => (o.ok ? [{ root: o.picture.root, path: o.picture.path, data: o.picture.data }] : []));
  const planned = [...files.filter((f) => !f.path.startsWith('topics/')), ...topicPlanned, ...pictureFiles];

  const retired: Pick<PlannedFile, 'root' | 'path'>[] = plans.map((plan) => ({ root: 'content' as const, path: inFolder.has(plan.id) ? `articles/${plan.id}.md` : `articles/${plan.id}/index.md` }));
  // A picture that changed sides (a featured picture now large enough to sit beside its article, or one
  // an earlier import sent from public/) leaves its copy on the other side behind: it is retired the same way.
  for (const picture of pictureFiles) {
    retired.push(picture.root === 'content' ? { root: 'public', path: picture.path.replace(/^articles\//, 'images/') } : { root: 'content', path: picture.path.replace(/^images\//, 'articles/') });
  }
  const write = writeFiles(planned, roots, options.force, retired);

  const notes: ReportNote[] = [];
  for (const [path, { text, notes: own }] of notesByFile) {
    const file = show(`${options.contentDir}/${path}`);
    const place = byPath.get(path)!;
    for (const note of own) {
      const line = lineOf(text, note.needle);
      // Without a line in the new file (something removed), the line in the source says where to look.
      const detail = line ? note.detail : `${note.detail} (${place.file}${place.line ? `:${place.line}` : ''})`;
      notes.push({ kind: note.kind, file, line, detail });
    }
  }
  for (const { file, why } of write.kept) {
    notes.push({
      kind: 'edited',
      file: show(`${roots[file.root]}/${file.path}`),
      detail: why === 'edited' ? 'edited since the last import, so it was not overwritten (run with --force to replace it)'
        : why === 'moved' ? 'edited since the last import, which now writes this article in another place (a folder of its own, or back out of one): move your edits there and delete this file, or the two have the same id'
          : 'a file the import did not write is in the way; it was left as it is',
    });
  }

  // What `npm run check` would say about the files just written.
  const check = checkContentTree(displayRoot, { CHRONICLE_CONTENT_DIR: options.contentDir });
  const ours = new Set(planned.filter((f) => f.root === 'content').map((f) => show(`${options.contentDir}/${f.path}`)));
  // A picture without alt text is listed once, with what to do, rather than again as the check's error.
  const listed = new Set(notes.filter((n) => n.kind === 'missing-alt').map((n) => `${n.file}:${n.line}`));
  for (const error of check.errors.filter((e) => ours.has(e.file) && !(/has no alt text/.test(e.message) && listed.has(`${e.file}:${e.line}`)))) {
    notes.push({ kind: 'check', file: error.file, line: error.line, detail: `npm run check: ${error.field ? `${error.field}: ` : ''}${error.message}` });
  }

  const outcomes = [...(fetched?.values() ?? [])];
  return {
    kind: options.kind,
    source: options.source,
    articles: plans.length,
    drafts: plans.filter((p) => p.article.draft).length,
    topics: topicFiles.length + (fallbackWritten ? 1 : 0),
    pictures: outcomes.filter((o) => o.ok).length,
    picturesFailed: outcomes.filter((o) => !o.ok).length,
    write,
    skipped: archive.skipped,
    notes,
    queryRedirects: plans.filter((p) => p.article.postId && !p.article.draft).map((p) => ({ postId: p.article.postId!, to: `/articles/${p.id}/` })),
    otherProblems: check.errors.filter((e) => !ours.has(e.file)).length,
  };
}
