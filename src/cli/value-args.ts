import { parseArgs } from 'node:util';
import { describeArgsError, printUsageError } from './print-findings.ts';

/**
 * The arguments of a command that checks one value (`check-id`, `check-credit-code`): the value, which
 * may arrive split over several arguments when typed with spaces, and `--json`. Returns the exit code
 * instead when there is nothing to check (usage error or `--help`).
 */
export function readValueArgs(
  args: string[],
  usage: string,
  missing: string,
): { input: string; json: boolean } | number {
  let parsed: { values: { json?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (caught) {
    return printUsageError(describeArgsError(caught), usage);
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  if (parsed.positionals.length === 0) return printUsageError(missing, usage);
  return { input: parsed.positionals.join(' '), json: parsed.values.json ?? false };
}
