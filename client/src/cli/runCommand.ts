/**
 * `maximo run FILE... [--name N] [--connection NAME|URL] [--env NAME] [--all-pages] [--out DIR]
 * [--junit FILE] [--verbose] [--insecure] [--server-log]`: sends the requests, prints one line
 * each and `N passed, N failed`; exit 1 when any request fails.
 */
import { writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { findConnectionsFile } from "../connections/load";
import { redact } from "../http/redact";
import { UsageError, type ParsedArgs } from "./args";
import { openCommandConnections } from "./commandConnections";
import { expandMaximoFiles } from "./files";
import { readMaximoFile } from "./readMaximoFile";
import { runFile } from "./runFile";
import { junitXml, type FileRun } from "./junitReport";
import { outcomeLines, type RequestOutcome } from "./runReport";

import { RUN_VALUE_OPTIONS } from "./valueOptions";
import { makeDirectorySync } from "../files/makeDirectory";

export { RUN_VALUE_OPTIONS };
const RUN_FLAGS = new Set(["all-pages", "verbose", "insecure", "server-log"]);

export interface RunIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Progress lines are drawn (and overwritten) only on a terminal. */
  progress?: (text: string) => void;
  cwd: string;
}

export async function runCommand(args: ParsedArgs, io: RunIo): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError("run needs at least one FILE or DIR");
  for (const name of args.options.keys()) {
    if (!RUN_FLAGS.has(name) && !(RUN_VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`run does not know --${name}`);
  }
  const text = (name: (typeof RUN_VALUE_OPTIONS)[number]): string | undefined => {
    const value = args.options.get(name);
    return typeof value === "string" ? value : undefined;
  };

  const files = expandMaximoFiles(args.positionals.map((p) => resolve(io.cwd, p)));
  if (files.length === 0) throw new UsageError(`no .maximo files in ${args.positionals.join(", ")}`);
  const workspaceDir = workspaceOf(files[0]!);

  const connection = text("connection");
  const { pool, secrets, noteSecrets, out: print } = openCommandConnections(io, { workspaceDir, insecure: args.options.has("insecure"), ...(connection === undefined ? {} : { connection }) });

  const outcomes: RequestOutcome[] = [];
  const fileRuns: FileRun[] = [];
  // The executors forget their secrets (session cookies, tokens) when closed; the report still needs them masked.
  let heldSecrets: string[] = [];
  try {
    for (const file of files) {
      const display = relative(io.cwd, file) || file;
      const startedAt = new Date();
      const started = performance.now();
      const fileOutcomes = await runFile(file, display, readMaximoFile(file), text("name"), {
        pool,
        allPages: args.options.has("all-pages"),
        verbose: args.options.has("verbose"),
        serverLog: args.options.has("server-log"),
        env: io.env,
        workspaceDir: workspaceOf(file),
        ...optional("outDir", text("out") === undefined ? undefined : resolve(io.cwd, text("out")!)),
        ...optional("envName", text("env")),
        secrets,
        noteSecrets,
        report: (outcome) => outcomeLines(outcome).forEach(print),
        progress: (line) => io.progress?.(redact(line, secrets())),
      });
      outcomes.push(...fileOutcomes);
      fileRuns.push({ file: display, outcomes: fileOutcomes, durationMs: performance.now() - started, startedAt });
    }
  } finally {
    // Thread logging is never left on: off on every server this run turned it on.
    await pool.stopCaptures();
    heldSecrets = secrets();
    pool.close();
  }

  const junit = text("junit");
  if (junit !== undefined) {
    const path = resolve(io.cwd, junit);
    makeDirectorySync(dirname(path));
    writeFileSync(path, junitXml(fileRuns, (line) => redact(line, [...heldSecrets, ...secrets()])));
  }

  const name = text("name");
  if (name !== undefined && outcomes.length === 0) {
    io.err(`maximo: no request is named "${name}" in ${files.map((f) => relative(io.cwd, f)).join(", ")}.`);
    return 1;
  }
  const passed = outcomes.filter((o) => o.passed).length;
  print(`${passed} passed, ${outcomes.length - passed} failed`);
  return passed === outcomes.length ? 0 : 1;
}

/** The folder holding `maximo.connections.json` above the file, else the file's own folder. */
function workspaceOf(file: string): string {
  const connections = findConnectionsFile(dirname(file));
  return connections ? dirname(connections) : dirname(file);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
