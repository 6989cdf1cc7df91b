import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { closestId } from '../core/closest.ts';
import type { SourceFile } from './entries.ts';
import type { ContentError } from './errors.ts';
import { isPictureFile } from './picture-files.ts';

/** The title that marks a picture as decoration, with nothing to describe: `![](./rule.png "decorative")`. */
export const DECORATIVE = 'decorative';

interface Node {
  type: string; url?: string; figure?: boolean; alt?: string | null; title?: string | null; name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[]; children?: Node[]; position?: { start: { line: number } };
}

/** Markdown images, and `<Figure src alt>` in MDX read as one. */
function images(tree: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.type === 'image') found.push(node);
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Figure') {
      const text = (name: string) => {
        const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
        return typeof value === 'string' ? value : undefined;
      };
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

/**
 * The pictures in article bodies: each must say what it shows (alt text), or
 * be marked decorative; a picture kept beside the article or in
 * `content/images/` must exist, and when it does not the closest picture in
 * that folder is suggested (`lead.jpeg` for `lead.jpg`). Runs with the whole
 * content folder known, after the per-file checks.
 */
export function checkPictures(files: readonly SourceFile[], contentDir: string): ContentError[] {
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
      if (!isRelative(url)) {
        // A Markdown image's address is checked with the body's other loads (body-safety.ts).
        if (image.figure && /^(https?:)?\/\//i.test(url)) at(`the picture ${JSON.stringify(url)} would be loaded from another site as the page opens, telling that site who reads it; copy the file beside the article and use its path`);
        continue;
      }
      if (!existsSync(join(folder, url))) at(missingPicture(folder, url));
    }
  }
  return errors;
}
