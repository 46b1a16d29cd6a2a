// Option parsing for the scripts through the CLI's own (src/cli/args.ts, built into dist/):
// --help prints the script's usage; an unknown option, a stray argument or a count that is not
// a positive whole number prints the error and the usage and exits with 2.
import { parseCommand, positiveInt, UsageError } from '../dist/src/cli/args.js';

/** The parsed options (`counts` checked as positive whole numbers) and positionals. */
export function scriptArgs(name, usage, options, { counts = [], positionals = false } = {}) {
  try {
    const parsed = parseCommand(name, process.argv.slice(2), options);
    if (parsed.values.help) {
      console.log(usage);
      process.exit(0);
    }
    if (!positionals && parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
    for (const count of counts) positiveInt(count, parsed.values[count]);
    return parsed;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    // parseCommand names the command as the CLI does ("myelex extract: ..."): name the script.
    console.error(`${name}: ${err.message.replace(`myelex ${name}: `, '')}\n\n${usage}`);
    process.exit(2);
  }
}
