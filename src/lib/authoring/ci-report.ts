import type { ContentError } from '../content/errors.ts';

/**
 * Content problems as a CI run shows them to an author who never opens a
 * terminal: a Markdown table for the run's summary page, and one annotation
 * per problem, which GitHub pins to the line in the pull request's diff.
 */

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const code = (text: string) => (text ? `\`${text.replace(/`/g, "'")}\`` : '');

function sorted(errors: readonly ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The run summary: a heading that says whether anything is wrong, then file, line, field, problem. */
export function markdownSummary(errors: readonly ContentError[]): string {
  if (errors.length === 0) return '## Content check\n\nEvery content file is valid.\n';
  const files = new Set(errors.map((e) => e.file)).size;
  const lines = [
    '## Content check',
    '',
    `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}. Nothing is published until every one is fixed.`,
    '',
    '| file | line | field | problem |',
    '| --- | --- | --- | --- |',
    ...sorted(errors).map((e) => `| ${cell(code(e.file))} | ${e.line ?? ''} | ${cell(code(e.field ?? ''))} | ${cell(e.message)} |`),
  ];
  return `${lines.join('\n')}\n`;
}

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions `::error` workflow commands, one per problem. */
export function annotations(errors: readonly ContentError[]): string[] {
  return sorted(errors).map((e) => {
    const properties = [`file=${escapeProperty(e.file)}`];
    if (e.line) properties.push(`line=${e.line}`);
    properties.push(`title=${escapeProperty(e.field ? `Content: ${e.field}` : 'Content')}`);
    return `::error ${properties.join(',')}::${escapeData(e.message)}`;
  });
}
