/**
 * Runs the content validation the build runs and reports it where a pull
 * request's author looks: the run's summary page ($GITHUB_STEP_SUMMARY) and
 * annotations on the changed lines. Outside GitHub Actions it prints the
 * Markdown. Exits 1 when there are problems, so the step shows red too.
 *
 *   node scripts/ci-summary.ts      (npm run ci-summary)
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkContentAndPictures } from '../src/lib/content/check.ts';
import { annotations, markdownSummary } from '../src/lib/authoring/ci-report.ts';

const root = resolve(import.meta.dirname, '..');
const { errors } = await checkContentAndPictures(root); // the check the build and `npm run check` run, downloads included
const summary = markdownSummary(errors);

const summaryFile = process.env.GITHUB_STEP_SUMMARY;
if (summaryFile) appendFileSync(summaryFile, summary);
else process.stdout.write(summary);
if (process.env.GITHUB_ACTIONS === 'true') for (const line of annotations(errors)) console.log(line);

process.exitCode = errors.length === 0 ? 0 : 1;
