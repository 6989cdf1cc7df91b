import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `npm audit --omit=dev` must report no high or critical advisory for the
 * packages the site is built from. The advisories come from the registry's
 * audit endpoint; where it cannot be reached (a network that allows only
 * package downloads) the test says so and is skipped, loudly, rather than
 * passing. CHRONICLE_REQUIRE_AUDIT=1 turns that into a failure, for CI on a
 * network that reaches the endpoint.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BLOCKING = new Set(['high', 'critical']);

interface AuditReport {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { severity: string; via: (string | { title?: string; url?: string; severity?: string })[]; range?: string }>;
  message?: string;
  error?: { summary?: string; detail?: string };
}

/** `name (severity): advisory titles` for every high or critical package in an npm audit report (format 2). */
export function blockingAdvisories(report: AuditReport): string[] {
  return Object.entries(report.vulnerabilities ?? {})
    .filter(([, entry]) => BLOCKING.has(entry.severity))
    .map(([name, entry]) => {
      const titles = entry.via.map((via) => (typeof via === 'string' ? `via ${via}` : `${via.title ?? '?'} ${via.url ?? ''}`.trim()));
      return `${name} (${entry.severity}): ${titles.join('; ')}`;
    })
    .sort();
}

describe('the audit check', () => {
  it('lets low and moderate advisories through and stops high and critical ones (it can fail)', () => {
    expect(blockingAdvisories({ auditReportVersion: 2, vulnerabilities: {} })).toEqual([]);
    expect(blockingAdvisories({
      auditReportVersion: 2,
      vulnerabilities: {
        a: { severity: 'moderate', via: [{ title: 'Slow regex', url: 'https://example.org/1' }] },
        b: { severity: 'high', via: [{ title: 'Prototype pollution', url: 'https://example.org/2' }] },
        c: { severity: 'critical', via: ['b'] },
        d: { severity: 'low', via: ['a'] },
      },
    })).toEqual(['b (high): Prototype pollution https://example.org/2', 'c (critical): via b']);
  });
});

describe('npm audit --omit=dev', () => {
  it('reports no high or critical advisory', (context) => {
    const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
      cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    let report: AuditReport;
    try {
      report = JSON.parse(run.stdout) as AuditReport;
    } catch {
      report = { message: `no JSON from npm audit (exit ${run.status}): ${(run.stderr || run.error?.message || '').trim().slice(0, 300)}` };
    }
    if (report.auditReportVersion === undefined) {
      const reason = `npm audit could not get advisories from the registry, so dependencies were NOT audited: ${report.message ?? report.error?.summary ?? 'unknown error'}`;
      if (process.env.CHRONICLE_REQUIRE_AUDIT) throw new Error(reason);
      console.warn(`\n⚠ ${reason}\n  (set CHRONICLE_REQUIRE_AUDIT=1 to fail instead of skipping)\n`);
      context.annotate(reason, 'warning');
      context.skip(reason);
    }
    expect(blockingAdvisories(report)).toEqual([]);
  });
});
