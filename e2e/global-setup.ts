import type { TestProject } from 'vitest/node';
import { buildOnce } from './helpers/site.ts';
import { serveDir } from './helpers/serve.ts';

/** Builds the seed site once for every browser test and serves it on loopback. */
export default async function setup(project: TestProject) {
  // Names this run, so buildOnce can reuse a build another test file made in it (e2e/helpers/site.ts).
  process.env.CHRONICLE_E2E_RUN = `${Date.now()}-${process.pid}`;
  const build = await buildOnce({ name: 'seed' });
  const server = await serveDir(build.outDir);
  project.provide('seedUrl', server.url);
  project.provide('seedDist', build.outDir);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    seedUrl: string;
    seedDist: string;
  }
}
