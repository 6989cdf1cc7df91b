import type { ImportOutcome, ReportNote } from './run.ts';

/**
 * The import's report: counts, then everything that needs a person, each
 * with its file and line, in the terminal and in `import-report.md`.
 */

const NOTE_TITLES: Record<ReportNote['kind'], string> = {
  check: 'Fails `npm run check`',
  'failed-download': 'Pictures that could not be fetched',
  'small-lead': 'Featured pictures smaller than a share card',
  'missing-alt': 'Pictures without alt text',
  'unknown-shortcode': 'Shortcodes and template tags left as text',
  unconvertible: 'HTML that could not be kept',
  'id-collision': 'Id collisions',
  edited: 'Files not overwritten',
};

export function countRows(outcome: ImportOutcome): [string, number][] {
  return [
    ['articles', outcome.articles],
    ['  of which drafts', outcome.drafts],
    ['topics', outcome.topics],
    ['pictures copied', outcome.pictures],
    ['pictures that failed', outcome.picturesFailed],
    ['pages and entries not imported', outcome.skipped.length],
    ['files written', outcome.write.written.length],
    ['files unchanged', outcome.write.unchanged.length],
    ['files removed (moved by this import)', outcome.write.removed.length],
    ['files kept (edited or not ours)', outcome.write.kept.length],
    ['things that need a person', outcome.notes.length],
  ];
}

const where = (note: { file: string; line?: number | undefined }) => `${note.file}${note.line ? `:${note.line}` : ''}`;

function grouped(notes: readonly ReportNote[]): [ReportNote['kind'], ReportNote[]][] {
  const order = Object.keys(NOTE_TITLES) as ReportNote['kind'][];
  return order.map((kind) => [kind, notes.filter((n) => n.kind === kind)] as [ReportNote['kind'], ReportNote[]]).filter(([, list]) => list.length > 0);
}

export function terminalReport(outcome: ImportOutcome, reportPath: string): string {
  const rows = countRows(outcome);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [`Imported ${outcome.kind} from ${outcome.source}`, '', ...rows.map(([label, count]) => `  ${label.padEnd(width)}  ${String(count).padStart(6)}`)];
  for (const [kind, list] of grouped(outcome.notes)) {
    lines.push('', `${NOTE_TITLES[kind]} (${list.length}):`);
    for (const note of list.slice(0, 10)) lines.push(`  ${where(note)}  ${note.detail}`);
    if (list.length > 10) lines.push(`  … and ${list.length - 10} more in ${reportPath}`);
  }
  if (outcome.otherProblems) lines.push('', `npm run check also finds ${outcome.otherProblems} problems in files this import did not write.`);
  lines.push('', `Full report: ${reportPath}`);
  return lines.join('\n');
}

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownReport(outcome: ImportOutcome): string {
  const lines = [
    '# Import report',
    '',
    `Source: ${outcome.kind}, \`${outcome.source}\`.`,
    '',
    '| what | count |',
    '|---|---:|',
    ...countRows(outcome).map(([label, count]) => `| ${label.trim()} | ${count} |`),
  ];
  const groups = grouped(outcome.notes);
  lines.push('', '## What needs a person', '');
  if (groups.length === 0) lines.push('Nothing: every file was written without a problem, and `npm run check` passes on them.');
  for (const [kind, list] of groups) {
    lines.push(`### ${NOTE_TITLES[kind]} (${list.length})`, '', '| file | what |', '|---|---|');
    for (const note of list) lines.push(`| \`${where(note)}\` | ${cell(note.detail)} |`);
    lines.push('');
  }
  if (outcome.skipped.length) {
    lines.push('## Not imported', '', 'Pages and other entries that are not articles; copy what you need by hand.', '', '| where | title | why |', '|---|---|---|');
    for (const item of outcome.skipped) lines.push(`| \`${where(item.place)}\` | ${cell(item.title)} | ${cell(item.why)} |`);
    lines.push('');
  }
  if (outcome.queryRedirects.length) {
    lines.push(
      '## Old `?p=` links',
      '',
      'WordPress also answered `/?p=123`. Each article\'s old permalink is in its `aliases`, and the build writes those to `_redirects`;',
      'a query cannot be an alias. Hosts that redirect by query (Netlify) take these lines in their own `_redirects`',
      '(in `public/_redirects`, which the build copies beside its own):',
      '',
      '```',
      ...outcome.queryRedirects.map((r) => `/ p=${r.postId} ${r.to} 301`),
      '```',
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
