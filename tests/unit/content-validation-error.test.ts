import { describe, expect, it } from 'vitest';
import { ContentValidationError, formatReport } from '../../src/lib/content/errors.ts';

describe('the error a build with bad content stops with', () => {
  const problems = [
    { file: 'content/people/b.md', line: 3, field: 'country', message: 'got "XX", expected an upper-case ISO 3166-1 alpha-2 code' },
    { file: 'content/articles/a.md', line: 2, field: 'title', message: 'required' },
  ];

  it('carries the whole report, every file and field, as its message', () => {
    const error = new ContentValidationError(problems);
    expect(error.name).toBe('ContentValidationError');
    expect(error.message).toBe(formatReport(problems));
    expect(error.message).toContain('content/articles/a.md:2  title: required');
    expect(error.problems.map((p) => p.file)).toEqual(['content/articles/a.md', 'content/people/b.md']);
  });

  it('has no `errors` list, which Astro would print instead of the report (its first message only)', () => {
    expect('errors' in new ContentValidationError(problems)).toBe(false);
  });
});
