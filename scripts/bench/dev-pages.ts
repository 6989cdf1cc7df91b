/**
 * The pages `npm run bench:dev` requests: one of each kind, and of each the
 * busiest (the topic, person, … named by the most articles, the year with
 * the most articles), where a cost that grows with the archive shows first.
 * Read from the corpus's files, so the dev server is asked for nothing it
 * does not serve.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusManifest } from './corpus.ts';

export interface DevPage {
  kind: string;
  /** Site path without a leading slash. */
  path: string;
  /** The article whose title the benchmark edits. */
  edit?: true;
}

/** The frontmatter fields whose one-line lists name each kind's entities, with the kind's folder. */
const NAMED = { topics: 'topic', people: 'person', organizations: 'organization', countries: 'country', events: 'event' } as const;

function frontmatter(text: string): string {
  return text.slice(0, text.indexOf('\n---', 3));
}

/** The id named most often, by count then by name (the same corpus always gives the same page). */
function busiest(counts: Map<string, number>): string {
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]![0];
}

export function devPages(dir: string, manifest: CorpusManifest): DevPage[] {
  const counts = Object.fromEntries(Object.keys(NAMED).map((field) => [field, new Map<string, number>()])) as Record<keyof typeof NAMED, Map<string, number>>;
  const years = new Map<string, number>();
  const articles = join(dir, 'articles');
  for (const file of readdirSync(articles, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file)) continue;
    const head = frontmatter(readFileSync(join(articles, file), 'utf8'));
    if (/^draft: true/m.test(head)) continue;
    const year = /^pubDate: "?(\d{4})/m.exec(head)?.[1];
    if (year) years.set(year, (years.get(year) ?? 0) + 1);
    for (const field of Object.keys(NAMED) as (keyof typeof NAMED)[]) {
      const list = new RegExp(`^${field}: \\[(.*)\\]$`, 'm').exec(head)?.[1];
      for (const id of list?.split(',').map((item) => item.trim().replace(/^"|"$/g, '')).filter(Boolean) ?? []) {
        counts[field].set(id, (counts[field].get(id) ?? 0) + 1);
      }
    }
  }
  const year = busiest(years);
  const article = manifest.editTarget.replace(/\.mdx?$/, '');
  return [
    { kind: 'home', path: '' },
    { kind: 'article', path: `articles/${article}/`, edit: true },
    ...(Object.entries(NAMED) as [keyof typeof NAMED, string][]).map(([field, kind]) => {
      const id = busiest(counts[field]);
      return { kind, path: `${field}/${field === 'countries' ? id.toLowerCase() : id}/` };
    }),
    { kind: 'timeline year', path: `timeline/${year}/` },
    { kind: 'archive year', path: `archive/${year}/` },
    { kind: 'search', path: 'search/' },
    { kind: 'guide', path: 'guide/' },
  ];
}

/** The article's text with another title (the first `title:` line of its frontmatter). */
export function retitle(text: string, title: string): string {
  return text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
}
