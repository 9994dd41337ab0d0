import { parseArgs, UsageError } from "./args";
import { parseCommand } from "./parseCommand";
import { checkCommand } from "./checkCommand";
import { runCommand, RUN_VALUE_OPTIONS, type RunIo } from "./runCommand";
import { deployCommand } from "./deployCommand";
import { extractCommand } from "./extractCommand";
import { importCommand, IMPORT_VALUE_OPTIONS, readStdin } from "./importCommand";
import { exportCommand, EXPORT_VALUE_OPTIONS } from "./exportCommand";
import { loadCommand, LOAD_VALUE_OPTIONS, type LoadIo } from "./loadCommand";
import { terminalSafe } from "./terminalText";
import { version } from "../../../package.json";

export const USAGE = `Usage:
  maximo --version                                  print the version
  maximo parse FILE                                 print the requests of a .maximo file as JSON
  maximo check FILE|DIR... [--format text|json] [--schemas DIR]
                                                    print diagnostics; exit 1 on any error (schemas:
                                                    the shipped pack, --schemas DIR a server's saved cache)
  maximo run FILE|DIR... [--name N] [--connection NAME|URL] [--env NAME]
             [--all-pages] [--out DIR] [--junit FILE] [--verbose] [--insecure] [--server-log]
                                                    send the requests; exit 1 when any fails;
                                                    --junit writes a JUnit XML report for CI
  maximo deploy FILE... [--connection NAME|URL] [--force] [--insecure]
                                                    deploy automation scripts (.py, .jy, .js) with
                                                    their scriptConfig; refused on read-only connections
  maximo extract [NAME...] [--connection NAME|URL] [--out DIR] [--force] [--insecure]
                                                    write server scripts (all without NAME) to DIR
                                                    (default: scripts) with their scriptConfig
  maximo export FILE [--name N] [--format csv|xlsx|json] --out PATH [--connection NAME|URL]
                [--explode CHILD] [--env NAME] [--insecure]
                                                    run one query, follow every page and stream the
                                                    rows to PATH (columns in oslc.select order)
  maximo import FILE|- [--out FILE] [--force] [--absolute]
                                                    curl command(s) or a Postman collection (v2.1)
                                                    as .maximo text; secrets left to $MAXIMO_* or
                                                    the connection (--absolute keeps full URLs)
  maximo load FILE.csv|FILE.xlsx --os NAME [--action add|update|addchange|delete] [--connection X]
             [--batch N] [--preview] [--results FILE] [--resume] [--sheet NAME] [--insecure]
                                                    load rows through BULK exactly once; one result
                                                    per row in FILE.results.csv (--results); exit 1
                                                    when a row failed; --resume skips what landed;
                                                    --preview checks only, saving nothing
  Exit codes: 0 success; 1 a request, deploy, extract, export or load row failed (or was refused); 2 usage or
  file error; 3 deploy: the server copy changed since the last pull or deploy (nothing written;
  --force overwrites it after a backup to .maximo/backups), extract: a local file with other
  content was kept (--force replaces it).
  Connections: maximo.connections.json (no secrets), or --connection URL / MAXIMO_URL with
  MAXIMO_APIKEY, or MAXIMO_USER and MAXIMO_PASSWORD, or MAXIMO_CLIENT_ID and MAXIMO_CLIENT_SECRET.`;

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
    const args = parseArgs(argv, new Set(["format", "schemas", ...RUN_VALUE_OPTIONS, ...IMPORT_VALUE_OPTIONS, ...EXPORT_VALUE_OPTIONS, ...LOAD_VALUE_OPTIONS]));
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
        out(version);
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
