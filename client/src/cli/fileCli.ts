/**
 * `maximo check` and `maximo parse` without the rest of the CLI: they only read files, so they
 * need the language and the schema pack, not the runner, the HTTP stack or the export libraries.
 * They run from a small bundle of their own (`dist/cli-check.js`); the bin (`dist/cli.js`) loads
 * `dist/cli-full.js` for every other command. Node then compiles a fifth of the code before a
 * check starts.
 */
import { parseArgs } from "./args";
import { checkCommand } from "./checkCommand";
import { cliFailure } from "./failures";
import { parseCommand } from "./parseCommand";
import { terminalSafe } from "./terminalText";
import { CLI_VALUE_OPTIONS } from "./valueOptions";

/** `runCli` for `check` and `parse` alone: the same arguments, output, escaping and exit codes. */
export function runFileCli(argv: readonly string[], rawOut: (text: string) => void, rawErr: (text: string) => void): number {
  const out = (text: string) => rawOut(terminalSafe(text));
  const err = (text: string) => rawErr(terminalSafe(text));
  try {
    const args = parseArgs(argv, CLI_VALUE_OPTIONS);
    return args.command === "check" ? checkCommand(args, out) : parseCommand(args, out);
  } catch (error) {
    return cliFailure(error, err);
  }
}
