import { parseArgs, UsageError } from "./args";
import { parseCommand } from "./parseCommand";
import { checkCommand } from "./checkCommand";
import { runCommand, type RunIo } from "./runCommand";
import { deployCommand } from "./deployCommand";
import { extractCommand } from "./extractCommand";
import { importCommand, readStdin } from "./importCommand";
import { exportCommand } from "./exportCommand";
import { loadCommand, type LoadIo } from "./loadCommand";
import { terminalSafe } from "./terminalText";
import { USAGE, VERSION } from "./usage";
import { cliFailure } from "./failures";
import { CLI_VALUE_OPTIONS } from "./valueOptions";

export { USAGE };

/** What the CLI reads from its process; tests pass their own. */
export type CliEnvironment = Partial<Pick<RunIo, "env" | "cwd" | "progress">> & { stdin?: () => Promise<string> } & Pick<LoadIo, "onInterrupt">;

/**
 * Runs the CLI; resolves to the exit code (2 for a usage or file error). Everything it prints
 * passes through `terminalSafe`: names, messages and headers come from files and servers.
 */
export async function runCli(
  argv: readonly string[],
  rawOut: (text: string) => void,
  rawErr: (text: string) => void,
  environment: CliEnvironment = {},
): Promise<number> {
  const out = (text: string) => rawOut(terminalSafe(text));
  const err = (text: string) => rawErr(terminalSafe(text));
  const progress = environment.progress;
  const io = (): RunIo => ({
    out,
    err,
    env: environment.env ?? process.env,
    cwd: environment.cwd ?? process.cwd(),
    ...(progress ? { progress: (text: string) => progress(terminalSafe(text)) } : {}),
  });
  try {
    const args = parseArgs(argv, CLI_VALUE_OPTIONS);
    switch (args.command) {
      case "parse":
        return parseCommand(args, out);
      case "check":
        return checkCommand(args, out);
      case "run":
        return await runCommand(args, io());
      case "deploy":
        return await deployCommand(args, io());
      case "extract":
        return await extractCommand(args, io());
      case "export":
        return await exportCommand(args, { ...io(), ...(environment.onInterrupt ? { onInterrupt: environment.onInterrupt } : {}) });
      case "load":
        return await loadCommand(args, { ...io(), ...(environment.onInterrupt ? { onInterrupt: environment.onInterrupt } : {}) });
      case "import":
        return await importCommand(args, { out, err, cwd: environment.cwd ?? process.cwd(), stdin: environment.stdin ?? (() => readStdin()) });
      case "--version":
        out(VERSION);
        return 0;
      case undefined:
      case "help":
      case "--help":
        out(USAGE);
        return args.command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (error) {
    return cliFailure(error, err);
  }
}
