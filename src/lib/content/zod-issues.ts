import type { z } from 'astro/zod';
import { closestId } from '../core/closest.ts';
import { showValue } from '../../schemas/common.ts';

export interface FieldIssue {
  path: PropertyKey[];
  message: string;
}

type Issue = z.core.$ZodIssue & { input?: unknown };

/**
 * Turns Zod's issues into messages an author can act on: "required", the value
 * they wrote and what was expected, "did you mean" for misspelt field names.
 */
export function describeIssues(issues: readonly Issue[], knownFields: (path: PropertyKey[]) => string[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = [...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = closestId(key, knownFields(path));
        out.push({
          path: [...path, key],
          message: `unknown field${suggestion ? `; did you mean "${suggestion}"?` : `; expected one of ${knownFields(path).join(', ')}`}`,
        });
      }
    } else if (issue.code === 'invalid_union') {
      // Report the alternative that got furthest: for an object, its own field errors.
      const branches = (issue.errors ?? []) as Issue[][];
      const best = issue.input && typeof issue.input === 'object'
        ? branches.find((branch) => branch.some((i) => i.path.length > 0))
        : undefined;
      if (best) out.push(...describeIssues(best.map((i) => ({ ...i, path: [...path, ...i.path] })), knownFields));
      else out.push({ path, message: `got ${showValue(issue.input)}, ${issue.message.replace(/^Invalid input:?\s*/i, '') || 'expected another value'}` });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      out.push({ path, message: 'required' });
    } else if (issue.code === 'invalid_type' && !issue.message.startsWith('got ')) {
      out.push({ path, message: `got ${showValue(issue.input)}, expected ${describeExpected(issue.expected)}` });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'object': return 'a set of fields (key: value)';
    case 'array': return 'a list';
    case 'string': return 'text';
    default: return `a ${expected}`;
  }
}
