import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { closestId } from '../core/closest.ts';
import type { SourceFile } from './entries.ts';
import type { ContentError } from './errors.ts';
import { isPictureFile } from './picture-files.ts';
import { jsxText } from './components.ts';
import { hostAllowed, hostNotAllowed, type RemotePicture } from './remote-pictures.ts';

/** The title that marks a picture as decoration, with nothing to describe: `![](./rule.png "decorative")`. */
export const DECORATIVE = 'decorative';

interface Node {
  type: string; url?: string; identifier?: string; reference?: boolean; figure?: boolean; alt?: string | null; title?: string | null; name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[]; children?: Node[]; position?: { start: { line: number } };
}

/** Link reference definitions (`[ref]: ./x.jpg "Title"`), by identifier; the first one counts, as in CommonMark. */
export function definitions<T extends { type: string; identifier?: string; children?: T[] }>(tree: T): Map<string, T> {
  const found = new Map<string, T>();
  const visit = (node: T) => {
    if (node.type === 'definition' && node.identifier && !found.has(node.identifier)) found.set(node.identifier, node);
    node.children?.forEach(visit);
  };
  visit(tree);
  return found;
}

/**
 * Markdown images, reference-style ones (`![alt][ref]`) read with their
 * definition, and `<Figure src alt>` in MDX read as one.
 */
function images(tree: Node): Node[] {
  const found: Node[] = [];
  const defined = definitions(tree);
  const visit = (node: Node) => {
    if (node.type === 'image') found.push(node);
    const definition = node.type === 'imageReference' ? defined.get(node.identifier ?? '') : undefined;
    if (definition) found.push({ ...node, type: 'image', reference: true, url: definition.url ?? '', title: definition.title ?? null });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Figure') {
      const text = (name: string) => jsxText(node, name);
      const decorative = node.attributes?.some((a) => a.name === DECORATIVE);
      found.push({ type: 'image', figure: true, url: text('src') ?? '', alt: text('alt'), title: decorative ? DECORATIVE : null, ...(node.position ? { position: node.position } : {}) });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return found;
}

/** A path relative to the article's file: neither a site path (`/…`, public/) nor a URL. */
export const isRelative = (url: string) => !url.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(url);

/** A picture path relative to `folder` names no file: say so, with the closest picture in the folder it points into. */
export function missingPicture(folder: string, url: string): string {
  const near = dirname(join(folder, url));
  const pictures = existsSync(near) ? readdirSync(near).filter(isPictureFile) : [];
  const suggestion = closestId(posix.basename(url), pictures);
  const relativeDir = posix.dirname(url);
  return `the picture ${JSON.stringify(url)} does not exist${suggestion ? `; did you mean ${JSON.stringify(relativeDir === '.' ? `./${suggestion}` : `${relativeDir}/${suggestion}`)}?` : '; pictures are found relative to the article\'s file'}`;
}

export interface PictureOptions {
  /** Hosts whose pictures the build downloads (CHRONICLE_PICTURE_HOSTS, remote-pictures.ts). */
  hosts?: readonly string[];
  /** Filled with every picture on a listed host, where it is named, for the download step. */
  remote?: RemotePicture[];
}

/**
 * The pictures in article bodies: each must say what it shows (alt text), or
 * be marked decorative; a picture kept beside the article or in
 * `content/images/` must exist, and when it does not the closest picture in
 * that folder is suggested (`lead.jpeg` for `lead.jpg`); a picture on another
 * site must be on a host the editors listed, and is then collected in
 * `options.remote` for the download. Runs with the whole content folder known,
 * after the per-file checks.
 */
export function checkPictures(files: readonly SourceFile[], contentDir: string, options: PictureOptions = {}): ContentError[] {
  const errors: ContentError[] = [];
  for (const file of files) {
    if (file.collection !== 'articles' || !/!\[|<Figure\b/.test(file.source)) continue;
    let tree: Node;
    try {
      tree = (/\.mdx$/i.test(file.path) ? mdxToMdast(file.source) : markdownToMdast(file.source)) as unknown as Node;
    } catch {
      continue; // MDX syntax errors are reported by the component scan, with their line.
    }
    const folder = dirname(join(contentDir, 'articles', file.path));
    for (const image of images(tree)) {
      const line = image.position?.start.line;
      const at = (message: string) => errors.push({ file: file.displayPath, ...(line ? { line } : {}), field: 'body', message });
      const url = decodeURI(image.url ?? '');
      if (!image.alt?.trim() && image.title?.trim() !== DECORATIVE) {
        at(`the picture ${JSON.stringify(url)} has no alt text; say what it shows in ![…](${url}), or mark a purely decorative picture ![](${url} "${DECORATIVE}")`);
      }
      if (!url) {
        at('<Figure> needs a src: the path of a picture beside the article or in content/images/');
        continue;
      }
      if (image.reference && hostAllowed(url, options.hosts ?? [])) {
        // The download step serves its own copy of inline pictures only (figures.ts rewrites `![…](url)`).
        at(`the picture ${JSON.stringify(url)} is written as a reference (![…][…]); write a picture on another site inline, ![${image.alt ?? ''}](${url}), so the site can serve its own copy`);
        continue;
      }
      if (!isRelative(url)) {
        // Other addresses in an article's Markdown images are checked with the body's other loads (body-safety.ts).
        if (hostAllowed(url, options.hosts ?? [])) options.remote?.push({ file: file.displayPath, ...(line ? { line } : {}), field: 'body', url });
        else if (/^(https?:)?\/\//i.test(url)) at(hostNotAllowed(url));
        continue;
      }
      if (!existsSync(join(folder, url))) at(missingPicture(folder, url));
    }
  }
  return errors;
}
