import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives the whole test run one temporary folder and removes it at the end.
 * Tests, the builds they start and the browsers they drive all make their
 * temporary files through `os.tmpdir()`, which reads TMPDIR; pointing it here
 * (workers and child processes inherit it) means a run leaves nothing behind
 * in /tmp, even when a test fails before its own clean-up.
 * Both projects list this file; the first to start owns the folder.
 */
export default function setup(): (() => void) | undefined {
  if (process.env.CHRONICLE_TEST_TMP) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'chronicle-tests-'));
  process.env.CHRONICLE_TEST_TMP = root;
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
