import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { validateWorkflow } from '@action-validator/core';

/** The forge workflows, read as GitHub reads them: YAML with jobs of ordered steps. */
const ROOT = resolve(import.meta.dirname, '../..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Job {
  needs?: string | string[];
  environment?: { name: string };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  return parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
}
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
/** Index of the first step whose `run` contains `command`, or -1. */
const runIndex = (list: Step[], command: string) => list.findIndex((s) => s.run?.includes(command));
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

describe.each(['ci.yml', 'deploy.yml'])('%s', (file) => {
  it('is a valid GitHub Actions workflow (the published workflow schema)', () => {
    const { errors } = validateWorkflow(readFileSync(join(ROOT, '.github/workflows', file), 'utf8'));
    expect(errors).toEqual([]);
  });

  it('checks out the whole git history, for last-updated dates', () => {
    const checkouts = steps(workflow(file)).filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const checkout of checkouts) expect(checkout.with?.['fetch-depth']).toBe(0);
  });

  it('runs only npm scripts that exist and actions pinned to a major version', () => {
    for (const step of steps(workflow(file))) {
      for (const [, script] of step.run?.matchAll(/npm run (?:--silent )?([\w:-]+)/g) ?? []) {
        expect(Object.keys(scripts), `${file}: "${step.name}" runs npm run ${script}`).toContain(script);
      }
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
    }
  });
});

describe('pull request workflow (ci.yml)', () => {
  const wf = workflow('ci.yml');
  const list = steps(wf);

  it('runs on every pull request', () => {
    expect(Object.keys(wf.on)).toContain('pull_request');
  });

  it('installs, checks, builds and tests, in that order', () => {
    const order = ['npm ci', 'npm run check', 'npm run build', 'npm test'].map((command) => runIndex(list, command));
    for (const index of order) expect(index).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes content problems into the run summary even when the check fails, without hiding the failure', () => {
    const summary = list.find((s) => s.run?.includes('ci-summary'));
    expect(summary, 'a step runs the ci-summary script').toBeDefined();
    expect(scripts['ci-summary']).toContain('scripts/ci-summary.ts');
    expect(existsSync(join(ROOT, 'scripts/ci-summary.ts'))).toBe(true);
    expect(readFileSync(join(ROOT, 'scripts/ci-summary.ts'), 'utf8')).toContain('GITHUB_STEP_SUMMARY');
    expect(list.indexOf(summary!)).toBeLessThan(runIndex(list, 'npm run check'));
    expect(summary!.if).toMatch(/!cancelled\(\)|always\(\)/);
    expect(summary!['continue-on-error']).toBe(true);
  });

  it('gives the browser tests a Chromium through CHROMIUM_PATH', () => {
    const chromium = list.findIndex((s) => s.run?.includes('CHROMIUM_PATH'));
    expect(chromium).toBeGreaterThanOrEqual(0);
    expect(list[chromium]!.run).toContain('apt-get install');
    expect(chromium).toBeLessThan(runIndex(list, 'npm test'));
  });
});

describe('publishing workflow (deploy.yml)', () => {
  const wf = workflow('deploy.yml');
  const list = steps(wf);

  it('runs on pushes to main', () => {
    expect((wf.on.push as { branches: string[] }).branches).toEqual(['main']);
  });

  it('may publish to GitHub Pages', () => {
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('builds with the deployment address from repository variables, falling back to GitHub Pages', () => {
    const build = list.find((s) => s.run?.trim() === 'npm run build');
    expect(build?.env?.CHRONICLE_SITE).toMatch(/vars\.CHRONICLE_SITE \|\| steps\.pages\.outputs\.origin/);
    expect(build?.env?.CHRONICLE_BASE).toMatch(/vars\.CHRONICLE_BASE \|\| steps\.pages\.outputs\.base_path/);
    const pages = list.findIndex((s) => s.uses?.startsWith('actions/configure-pages@'));
    expect(pages).toBeGreaterThanOrEqual(0);
    expect(pages).toBeLessThan(list.indexOf(build!));
  });

  it('uploads dist/ and deploys it with the official Pages actions', () => {
    const upload = list.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toMatch(/^dist\/?$/);
    const [name, deploy] = Object.entries(wf.jobs).find(([, job]) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')))!;
    const builder = Object.entries(wf.jobs).find(([, job]) => job.steps.includes(upload!))![0];
    expect(name).not.toBe(builder);
    expect([deploy.needs].flat()).toContain(builder);
    expect(deploy.environment?.name).toBe('github-pages');
  });
});
