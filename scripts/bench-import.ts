/**
 * `npm run bench:import -- [--posts 10000] [--runs 3]`
 *
 * Times `npm run import -- wordpress` on a generated export of N posts
 * (deterministic: paragraphs with links and entities, headings, lists,
 * tables, code, [caption] and [embed] shortcodes, Gutenberg blocks, nested
 * categories, tags, drafts, pages), pictures excluded (`--no-pictures`).
 * Each run imports into an empty folder; then the same import runs again
 * over its own output (every file unchanged). Prints the median of the runs,
 * with the peak memory of this process. Goal (issue 19): 10,000 posts in
 * under a minute. Files land in .bench/import/ (ignored by git).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { runImport } from '../src/lib/import/run.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const posts = Number(values.posts);
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.bench', 'import');

const WORDS = 'talks minister council budget harbour cargo pipeline refinery tariff export treaty envoy summit delegation statement agreement sanctions inspectors negotiations capital parliament election reform coalition border'.split(' ');
/** A small deterministic generator, so every run imports the same export. */
let seed = 42;
const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => pick(WORDS));
  return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
};
const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 3) }, sentence).join(' ');

function body(index: number): string {
  const parts = [
    paragraph(),
    `${paragraph()} See <a href="https://old.example/?p=${1 + Math.floor(next() * posts)}">an earlier report</a> &amp; <em>more</em>.`,
    `<h2>${sentence()}</h2>`,
    `<ul><li>${sentence()}</li><li>${sentence()}</li></ul>`,
    paragraph(),
  ];
  if (index % 5 === 0) parts.push(`[caption id="attachment_1" width="640"]<img src="https://old.example/wp-content/uploads/p${index}.jpg" alt="${sentence()}" /> ${sentence()}[/caption]`);
  if (index % 7 === 0) parts.push('[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]');
  if (index % 11 === 0) parts.push('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>');
  if (index % 13 === 0) parts.push('<!-- wp:code --><pre class="wp-block-code"><code class="language-js">const a = 1 &lt; 2;</code></pre><!-- /wp:code -->');
  return index % 2 === 0 ? parts.join('\n\n') : parts.map((p) => (p.startsWith('<') || p.startsWith('[') ? p : `<!-- wp:paragraph --><p>${p}</p><!-- /wp:paragraph -->`)).join('\n');
}

function generate(): string {
  const categories = Array.from({ length: 40 }, (_, i) => ({ slug: `section-${i}`, parent: i >= 8 ? `section-${i % 8}` : '' }));
  const items: string[] = [];
  for (let i = 1; i <= posts; i++) {
    const day = new Date(Date.UTC(2010, 0, 1) + i * 6 * 3_600_000);
    const local = day.toISOString().slice(0, 19).replace('T', ' ');
    const status = i % 50 === 0 ? 'draft' : 'publish';
    const type = i % 200 === 0 ? 'page' : 'post';
    const title = `${sentence().slice(0, -1).split(' ').slice(0, 6).join(' ')} ${i}`;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    items.push(`<item><title>${title}</title><link>https://old.example/${local.slice(0, 10).replace(/-/g, '/')}/${slug}/</link>
<dc:creator><![CDATA[author${i % 3}]]></dc:creator><content:encoded><![CDATA[${body(i)}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date><![CDATA[${local}]]></wp:post_date><wp:post_date_gmt><![CDATA[${local}]]></wp:post_date_gmt>
<wp:post_modified><![CDATA[${local}]]></wp:post_modified><wp:post_modified_gmt><![CDATA[${local}]]></wp:post_modified_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name><wp:status><![CDATA[${status}]]></wp:status><wp:post_type><![CDATA[${type}]]></wp:post_type>
<category domain="category" nicename="${pick(categories).slug}"><![CDATA[x]]></category><category domain="post_tag" nicename="tag-${i % 150}"><![CDATA[Tag ${i % 150}]]></category></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Benchmark Newsroom</title><link>https://old.example</link><language>en</language><wp:wxr_version>1.2</wp:wxr_version>
${[0, 1, 2].map((a) => `<wp:author><wp:author_login><![CDATA[author${a}]]></wp:author_login><wp:author_display_name><![CDATA[Author ${a}]]></wp:author_display_name></wp:author>`).join('')}
${categories.map((c) => `<wp:category><wp:category_nicename><![CDATA[${c.slug}]]></wp:category_nicename><wp:category_parent><![CDATA[${c.parent}]]></wp:category_parent><wp:cat_name><![CDATA[Section ${c.slug}]]></wp:cat_name></wp:category>`).join('\n')}
${items.join('\n')}
</channel></rss>
`;
}

mkdirSync(dir, { recursive: true });
const source = join(dir, `export-${posts}.xml`);
writeFileSync(source, generate());

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const first: number[] = [];
const again: number[] = [];
for (let run = 0; run < runs; run++) {
  const out = join(dir, `run-${run}`);
  rmSync(out, { recursive: true, force: true });
  const options = {
    kind: 'wordpress' as const, source, contentDir: join(out, 'content'), publicDir: join(out, 'public'),
    tags: 'topics' as const, pictures: false, force: false, displayRoot: out,
  };
  let started = performance.now();
  const outcome = await runImport(options);
  first.push((performance.now() - started) / 1000);
  started = performance.now();
  const second = await runImport(options);
  again.push((performance.now() - started) / 1000);
  if (second.write.written.length !== 0) throw new Error(`the second run rewrote ${second.write.written.length} files`);
  console.error(`run ${run + 1}: ${first.at(-1)!.toFixed(1)} s, again ${again.at(-1)!.toFixed(1)} s; ${outcome.articles} articles, ${outcome.topics} topics, ${outcome.write.written.length} files, ${outcome.notes.length} notes`);
  rmSync(out, { recursive: true, force: true });
}
console.log(JSON.stringify({
  posts,
  runs,
  importSeconds: Number(median(first).toFixed(1)),
  reimportSeconds: Number(median(again).toFixed(1)),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  cpus: `${cpus().length} × ${cpus()[0]?.model}`,
  loadAverage: loadavg().map((l) => l.toFixed(1)).join(' '),
  node: process.version,
}, null, 2));
