import { UsageError } from "./args";
import { USAGE } from "./usage";

/**
 * The exit code of a command that threw: 2 for a usage error (with the usage text) or a file
 * that cannot be read; anything else is rethrown, for the last-resort message of the entry point.
 */
export function cliFailure(error: unknown, err: (text: string) => void): number {
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
