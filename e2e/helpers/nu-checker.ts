import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './site.ts';

/**
 * The W3C Nu Html Checker (the `vnu-jar` package's vnu.jar, run on the
 * machine's Java: CI installs a Java runtime with apt, .ci/run) over every
 * HTML file in a folder.
 */

export interface NuReport {
  /** The files it read. */
  checked: string[];
  /** Each error as `file:line: message`. */
  errors: string[];
}

const JAR = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

export function nuCheck(dir: string): NuReport {
  const run = spawnSync('java', ['-jar', JAR, '--errors-only', '--skip-non-html', '--verbose', '--format', 'json', dir], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`the Nu Html Checker needs Java (apt-get install default-jre-headless): ${run.error.message}`);
  // --verbose names each file on stdout; the JSON report is on stderr.
  const checked = run.stdout.split('\n').filter((line) => line.trim());
  const report = JSON.parse(run.stderr.slice(run.stderr.indexOf('{'))) as { messages: { type: string; url?: string; lastLine?: number; message: string }[] };
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${(m.url ?? '').replace(/^file:/, '').slice(dir.length)}:${m.lastLine ?? 0}: ${m.message}`);
  return { checked, errors };
}
