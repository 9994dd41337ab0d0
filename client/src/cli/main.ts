import { parseArgs, UsageError } from "./args";
import { parseCommand } from "./parseCommand";
import { checkCommand } from "./checkCommand";

export const USAGE = `Usage:
  maximo parse FILE                                 print the requests of a .maximo file as JSON
  maximo check FILE|DIR... [--format text|json]     print diagnostics; exit 1 on any error`;

/** Runs the CLI; returns the exit code (2 for a usage or file error). */
export function runCli(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  try {
    const args = parseArgs(argv, new Set(["format"]));
    switch (args.command) {
      case "parse":
        return parseCommand(args, out);
      case "check":
        return checkCommand(args, out);
      case undefined:
      case "help":
      case "--help":
        out(USAGE);
        return args.command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`maximo: ${error.message}\n${USAGE}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      err(`maximo: cannot read ${(error as NodeJS.ErrnoException).path ?? "the file"} (${code}); check the path.`);
      return 2;
    }
    throw error;
  }
}
