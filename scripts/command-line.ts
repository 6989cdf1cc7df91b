/**
 * The command line of an authors' command (`npm run new`, `npm run import`):
 * its options parsed with Node's `parseArgs`, `--help` answered with the
 * usage text, and `fail` for a message that stops the command (with the
 * usage when the command line itself was wrong).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Stops the command with a message (and the usage text when `showUsage`). */
export type Fail = (message: string, showUsage?: boolean) => never;

export function commandLine<O extends NonNullable<ParseArgsConfig['options']>>(command: string, usage: string, options: O) {
  const fail: Fail = (message, showUsage = false) => {
    console.error(`npm run ${command}: ${message}${showUsage ? `\n\n${usage}` : ''}`);
    process.exit(1);
  };
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), true);
  }
  if ((parsed.values as Record<string, unknown>).help) {
    console.log(usage);
    process.exit(0);
  }
  return { values: parsed.values as ReturnType<typeof parseArgs<{ options: O }>>['values'], positionals: parsed.positionals, fail };
}
