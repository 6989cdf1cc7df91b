import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The structured data is typed with schema-dts, so a misspelt schema.org
 * property fails the type check (`npm run check`). The fixture holds
 * misspellings marked `@ts-expect-error`; it must type-check clean as it is,
 * and each marked line must be the error it claims once the mark is gone.
 */
const FIXTURE = resolve(import.meta.dirname, '../fixtures/jsonld-misspelt.ts');
const MARK = /\/\/ @ts-expect-error .*$/gm;

/** Type-checks the fixture (its text replaced by `text`) with the project's compiler options. */
function diagnostics(text: string): readonly ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(import.meta.dirname, '../../tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  })!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) =>
    resolve(name) === FIXTURE ? ts.createSourceFile(name, text, version) : getSourceFile.call(host, name, version, ...rest);
  const program = ts.createProgram([FIXTURE], { ...config.options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(FIXTURE));
}

const message = (d: ts.Diagnostic) => {
  const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
  return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
};

describe('structured data is typed by the schema.org vocabulary', () => {
  const source = readFileSync(FIXTURE, 'utf8');

  it('the fixture type-checks: every misspelling marked @ts-expect-error is an error', () => {
    expect(source.match(MARK)?.length).toBe(3);
    expect(diagnostics(source).map(message)).toEqual([]);
  }, 60_000);

  it('without the marks, each misspelt property is reported by name on its line', () => {
    const lines = source.split('\n');
    // The line after each mark holds the misspelling (1-based: index + 2).
    const marked = lines.flatMap((line, index) => (line.includes('// @ts-expect-error ') ? [index + 2] : []));
    const found = diagnostics(source.replace(MARK, '')).map(message);
    expect(found).toHaveLength(marked.length);
    for (const [i, property] of ['jobTitel', 'startdate', 'spokenBy'].entries()) {
      expect(found[i]).toMatch(new RegExp(`^${marked[i]}: .*'${property}'`));
    }
  }, 60_000);
});
