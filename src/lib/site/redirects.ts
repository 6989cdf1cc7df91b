import { articlePath, joinBase, normalizePath } from '../core/urls.ts';

/** What a `_redirects` file needs from one article. */
export interface RedirectSource {
  id: string;
  data: { aliases?: readonly string[] | undefined; draft?: boolean | undefined };
}

export interface Redirect {
  from: string;
  to: string;
}

/**
 * `_redirects` treats `:name` as a placeholder and `*` as a splat, and wants
 * other special characters percent-encoded; an author's old URL is literal.
 */
function literalPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // a stray "%" stays as the author wrote it, encoded below
      }
      return encodeURIComponent(decoded).replace(/\*/g, '%2A');
    })
    .join('/');
}

/**
 * One permanent redirect per old URL of every published article, base path
 * on both sides. An old URL that ends in "/" is also matched without it,
 * because old links exist in both spellings and not every host folds them.
 */
export function aliasRedirects(articles: readonly RedirectSource[], base: string): Redirect[] {
  const redirects: Redirect[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    if (seen.has(from)) return;
    seen.add(from);
    redirects.push({ from, to });
  };
  for (const article of articles) {
    if (article.data.draft) continue; // a draft is never built, so there is nothing to lead to
    const to = literalPath(joinBase(base, articlePath(article.id)));
    for (const alias of article.data.aliases ?? []) {
      const from = literalPath(joinBase(base, normalizePath(alias)));
      add(from, to);
      if (from.endsWith('/') && from !== '/') add(from.slice(0, -1), to);
    }
  }
  return redirects;
}

/**
 * The `_redirects` file Netlify and Cloudflare Pages read from the published
 * folder. Each old URL also has a forwarding page in dist/, and Netlify serves
 * an existing file before an ordinary rule, so on Netlify the rules are forced
 * (`301!`). Cloudflare Pages always applies rules first and rejects the `!`.
 */
export function redirectsFile(redirects: readonly Redirect[], options: { force?: boolean } = {}): string {
  const header = '# Old article URLs (the `aliases` field) and where they moved. Written by the build.';
  const status = options.force ? '301!' : '301';
  return [header, ...redirects.map(({ from, to }) => `${from} ${to} ${status}`)].join('\n') + '\n';
}

/** Netlify's build sets NETLIFY=true; only there are rules written forced. */
export function forceRedirects(env: Record<string, string | undefined>): boolean {
  return env.NETLIFY === 'true';
}
