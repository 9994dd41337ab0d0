/**
 * `maximo deploy FILE... [--connection NAME|URL] [--force] [--insecure]`: deploys automation
 * script files (.py, .jy, .js) as the extension does, with the same conflict rules. A read-only
 * connection is refused before anything is sent. Exit codes: 0 all deployed or already current,
 * 1 a deploy failed or was refused, 2 usage, 3 a conflict (nothing written for that file).
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { deployScript } from "../scripts/deploy";
import { detailLines, headline } from "../scripts/deployReport";
import { fileId } from "../scripts/scriptState";
import { UsageError, type ParsedArgs } from "./args";
import type { RunIo } from "./runCommand";
import { checkOptions, EXIT_CONFLICT, EXIT_FAILED, EXIT_OK, openSession, workspaceFrom } from "./scriptSession";

export async function deployCommand(args: ParsedArgs, io: RunIo): Promise<number> {
  checkOptions(args, "deploy", ["connection", "force", "insecure"]);
  if (args.positionals.length === 0) throw new UsageError("deploy needs at least one script FILE (.py, .jy or .js)");
  const files = args.positionals.map((p) => resolve(io.cwd, p));
  const texts = files.map((file) => readFileSync(file, "utf8"));
  const session = openSession(args, io, workspaceFrom(dirname(files[0]!)));
  try {
    if (session.connection.readOnly) {
      session.printError(`maximo: connection "${session.connection.name}" is read-only; the CLI does not deploy to it. Use another connection or remove "readOnly".`);
      return EXIT_FAILED;
    }
    let code = EXIT_OK;
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!;
      const outcome = await deployScript(
        { path, file: fileId(session.workspaceDir, path), text: texts[i]!, force: args.options.has("force") },
        { api: session.api, connection: session.connection.name, server: session.server, state: session.state, backupFolder: session.backupFolder, progress: session.progress },
      );
      session.progress("");
      const display = relative(io.cwd, path) || path;
      const word = { created: "deployed", updated: "deployed", unchanged: "current", conflict: "CONFLICT", refused: "REFUSED", cancelled: "cancelled", failed: "FAILED" }[outcome.kind];
      session.print(`${word}  ${display}: ${headline(outcome)}`);
      for (const line of detailLines(outcome)) session.print(line);
      if (outcome.kind === "conflict") {
        session.print(`  review it (maximo extract --out DIR ${outcome.name}), then deploy with --force to overwrite it; the server's copy is backed up first.`);
        if (code === EXIT_OK) code = EXIT_CONFLICT;
      } else if (outcome.kind === "failed" || outcome.kind === "refused" || outcome.kind === "cancelled") code = EXIT_FAILED;
    }
    return code;
  } finally {
    session.close();
  }
}
