/** Rules on entity files that need every file read first: country file names, topic parents. */
import { isCountryCode } from '../core/countries.ts';
import type { ContentError } from './errors.ts';
import { lineIn, type LineFinders } from './line-finders.ts';
import type { ValidContent } from './entries.ts';

export function checkCountryFiles(content: ValidContent, errors: ContentError[]) {
  for (const entry of content.countries) {
    if (!isCountryCode(entry.id.toUpperCase()) || entry.id !== entry.id.toLowerCase() || entry.id.includes('/')) {
      errors.push({ file: entry.file, message: `the file name "${entry.id}" is not an ISO 3166-1 alpha-2 code; expected a name like "ir.md"` });
    }
  }
}

/** Topic parents must form a tree: each cycle is reported once, on every topic in it. */
export function checkTopicCycles(content: ValidContent, errors: ContentError[], lines: LineFinders) {
  const parent = new Map(content.topics.map((t) => [t.id, t.data.parent]));
  const files = new Map(content.topics.map((t) => [t.id, t.file]));
  const reported = new Set<string>();
  for (const topic of content.topics) {
    const chain: string[] = [];
    let current: string | undefined = topic.id;
    while (current !== undefined && !chain.includes(current)) {
      chain.push(current);
      current = parent.get(current);
    }
    if (current === undefined) continue;
    const cycle = chain.slice(chain.indexOf(current));
    if (!cycle.includes(topic.id) || cycle.some((id) => reported.has(id))) continue;
    cycle.forEach((id) => reported.add(id));
    const loop = [...cycle, cycle[0]].join(' → ');
    for (const id of cycle) {
      const file = files.get(id)!;
      errors.push({ file, line: lineIn(lines, file, ['parent']), field: 'parent', message: `topic parents form a cycle: ${loop}` });
    }
  }
}
