/**
 * `maximo extract [NAME...] [--connection NAME|URL] [--out DIR] [--force] [--insecure]`: writes
 * the named scripts (all of them without names) to DIR (`scripts` by default) as NAME.py /
 * NAME.js with their scriptConfig, and remembers them as pulled. Exit codes: 0 all written or
 * current, 1 a script could not be read or written, 2 usage, 3 a local file with other content
 * was kept (use --force to replace it).
 */
import { relative, resolve } from "node:path";
import { extractScripts } from "../scripts/extract";
import { UsageError, type ParsedArgs } from "./args";
import type { RunIo } from "./runCommand";
import { checkOptions, EXIT_CONFLICT, EXIT_FAILED, EXIT_OK, openSession, textOption, workspaceFrom } from "./scriptSession";

export async function extractCommand(args: ParsedArgs, io: RunIo): Promise<number> {
  checkOptions(args, "extract", ["connection", "out", "force", "insecure"]);
  const outDir = resolve(io.cwd, textOption(args, "out") ?? "scripts");
  const session = openSession(args, io, workspaceFrom(io.cwd));
  try {
    let names = args.positionals;
    if (names.length === 0) {
      session.progress(`listing the scripts on ${session.connection.name}`);
      try {
        names = (await session.api.list()).map((s) => s.name);
      } catch (error) {
        session.progress("");
        session.printError(`maximo: listing the scripts on ${session.connection.name} failed: ${(error as Error).message}`);
        return EXIT_FAILED;
      }
      if (names.length === 0) {
        session.print(`There are no automation scripts on ${session.connection.name}.`);
        return EXIT_OK;
      }
    }
    if (names.some((n) => n.trim() === "")) throw new UsageError("a script NAME is empty");
    const results = await extractScripts(names, {
      api: session.api,
      connection: session.connection.name,
      server: session.server,
      state: session.state,
      outDir,
      workspaceDir: session.workspaceDir,
      overwrite: args.options.has("force"),
      progress: session.progress,
    });
    session.progress("");
    let code = EXIT_OK;
    for (const result of results) {
      const where = result.path ? relative(io.cwd, result.path) || result.path : "";
      const word = { written: "written", unchanged: "current", skipped: "KEPT", failed: "FAILED" }[result.status];
      const hint = result.status === "skipped" && result.path ? " Use --force to replace it." : "";
      session.print(`${word}  ${result.name}${where ? `  ${where}` : ""}${result.message ? `: ${result.message}${hint}` : ""}`);
      if (result.status === "failed") code = EXIT_FAILED;
      else if (result.status === "skipped" && code === EXIT_OK) code = result.path ? EXIT_CONFLICT : EXIT_OK;
    }
    const written = results.filter((r) => r.status === "written" || r.status === "unchanged").length;
    session.print(`${written} of ${results.length} scripts extracted to ${relative(io.cwd, outDir) || "."}`);
    return code;
  } finally {
    session.close();
  }
}
