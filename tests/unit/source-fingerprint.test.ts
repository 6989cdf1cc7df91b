import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../../src/lib/build/source-fingerprint.ts';

function twoFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-fingerprint-'));
  const a = join(dir, 'a.ts');
  const b = join(dir, 'b.ts');
  writeFileSync(a, 'export const a = 1;\n');
  writeFileSync(b, 'export const b = 2;\n');
  return { dir, a, b };
}

describe('sourceFingerprint', () => {
  it('is the same for the same files and inputs, whether named by path or file URL', () => {
    const { a, b } = twoFiles();
    expect(sourceFingerprint([a, b], ['/base/'])).toBe(sourceFingerprint([pathToFileURL(a), pathToFileURL(b)], ['/base/']));
    expect(sourceFingerprint([a, b])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a file changes or an input changes', () => {
    const { a, b } = twoFiles();
    const before = sourceFingerprint([a, b], ['/base/']);
    expect(sourceFingerprint([a, b], ['/other/'])).not.toBe(before);
    writeFileSync(b, 'export const b = 3;\n');
    expect(sourceFingerprint([a, b], ['/base/'])).not.toBe(before);
  });

  it('fails, naming the file, when a listed file was renamed', () => {
    const { dir, a, b } = twoFiles();
    renameSync(b, join(dir, 'renamed.ts'));
    expect(() => sourceFingerprint([a, b])).toThrow(`cannot fingerprint ${b} (ENOENT): was it renamed or moved?`);
    expect(() => sourceFingerprint([pathToFileURL(b)])).toThrow(b);
  });
});
