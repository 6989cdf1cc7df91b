import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.woff2': 'font/woff2',
  '.wasm': 'application/wasm', '.txt': 'text/plain', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon',
};

/** Types a static host compresses (fonts, pictures and Pagefind's files, packed already, go as they are). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export interface StaticServer {
  /** The site's root URL, base path included, ending in "/". */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * The rules of a `_headers` file (Netlify and Cloudflare Pages format): an
 * unindented URL pattern (`*` matches anything), then indented `Name: value` lines.
 */
export function readHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/**
 * Serves a built `dist/` like a static host: directory index files, the
 * site's 404 page for anything missing, everything under a base path.
 * With `headers`, it also sends what dist/_headers says, as Netlify would.
 * With `compress`, text (HTML, CSS, scripts, JSON, SVG) goes gzipped to a
 * browser that accepts it, as every static host sends it; what a page costs
 * a reader on a slow link (Lighthouse's simulation) is measured that way.
 */
export async function serveDir(dir: string, base = '/', options: { headers?: boolean; compress?: boolean } = {}): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const headersFile = join(dir, '_headers');
  const rules = options.headers && existsSync(headersFile) ? readHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const extraHeaders = (pathname: string) => Object.fromEntries(rules.filter((rule) => rule.pattern.test(pathname)).flatMap((rule) => rule.headers));
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix)) return notFound();
    pathname = pathname.slice(prefix.length - 1);
    let file = normalize(join(dir, pathname));
    if (!file.startsWith(normalize(dir))) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` });
        return response.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = options.compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, { ...extraHeaders(url.pathname), 'content-type': type, ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}) });
    if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
    else createReadStream(file).pipe(response);

    function notFound() {
      const page = join(dir, '404.html');
      response.writeHead(404, { ...extraHeaders(url.pathname), 'content-type': 'text/html; charset=utf-8' });
      if (existsSync(page)) createReadStream(page).pipe(response);
      else response.end('not found');
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    // The browser may still hold sockets open (keep-alive, or a preconnect that never sent a
    // request); close() alone waits for them, which once held an afterAll for the whole hook timeout.
    close: () => new Promise((closed) => {
      server.close(() => closed());
      server.closeAllConnections();
    }),
  };
}
