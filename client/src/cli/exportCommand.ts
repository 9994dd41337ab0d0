/**
 * `maximo export FILE.maximo [--name N] [--format csv|xlsx|json] --out PATH [--connection NAME|URL]
 * [--explode CHILD] [--env NAME] [--insecure]`: runs one query of the file, follows every page
 * and streams the rows to PATH (client/src/export/). Exit 0 when the file is written, 1 when the
 * export failed or was interrupted (the file is then not written), 2 for usage and file errors.
 */
import { dirname, extname, relative, resolve } from "node:path";
import { findConnectionsFile } from "../connections/load";
import { redact } from "../http/redact";
import { EXPORT_FORMATS, type ExportFormat } from "../export/cells";
import { ExportError, exportQuery, type ExportProgress } from "../export/exportQuery";
import { createResolver } from "../variables/index";
import { UsageError, type ParsedArgs } from "./args";
import { openCommandConnections } from "./commandConnections";
import { readMaximoFile } from "./readMaximoFile";
import type { RunIo } from "./runCommand";
import { checkOptions, textOption } from "./scriptSession";

import { EXPORT_VALUE_OPTIONS } from "./valueOptions";

export { EXPORT_VALUE_OPTIONS };
const EXPORT_OPTIONS = [...EXPORT_VALUE_OPTIONS, "insecure"];

export interface ExportIo extends RunIo {
  /** Ctrl-C: the CLI process wires SIGINT here (cli.ts); the export stops and writes nothing. */
  onInterrupt?: (stop: () => void) => () => void;
}

export async function exportCommand(args: ParsedArgs, io: ExportIo): Promise<number> {
  checkOptions(args, "export", EXPORT_OPTIONS);
  if (args.positionals.length !== 1) throw new UsageError("export needs one .maximo FILE");
  const outOption = textOption(args, "out");
  if (outOption === undefined) throw new UsageError("export needs --out PATH");
  const format = formatOf(textOption(args, "format"), outOption);
  const file = resolve(io.cwd, args.positionals[0]!);
  const out = resolve(io.cwd, outOption);
  const document = readMaximoFile(file);
  const display = relative(io.cwd, file) || file;
  const index = requestIndex(document.requests, textOption(args, "name"), display);
  const connectionsFile = findConnectionsFile(dirname(file));
  const workspaceDir = connectionsFile ? dirname(connectionsFile) : dirname(file);

  const wanted = textOption(args, "connection");
  const { pool, secrets, noteSecrets, out: say, err: complain } = openCommandConnections(io, { workspaceDir, insecure: args.options.has("insecure"), ...(wanted === undefined ? {} : { connection: wanted }) });

  // Ctrl-C stops the page in flight; the partial file is removed, never left looking complete.
  const controller = new AbortController();
  const release = io.onInterrupt?.(() => controller.abort());
  try {
    const envName = textOption(args, "env");
    const resolver = createResolver({
      document,
      filePath: file,
      workspaceDir,
      processEnv: io.env,
      ...(envName === undefined ? {} : { envName }),
      // A chained `{{login.response...}}` runs that request first.
      runNamed: async (name) => {
        const named = document.requests.findIndex((request) => request.name === name);
        if (named < 0) throw new Error(`no request is named "${name}" in ${display}`);
        const resolved = await resolver.resolve(named);
        noteSecrets(resolved.secrets);
        return pool.executor(pool.connection(resolved.directives.connection)).execute(resolved, { signal: controller.signal });
      },
    });
    const request = await resolver.resolve(index);
    noteSecrets(request.secrets);
    const connection = pool.connection(request.directives.connection);
    const started = performance.now();
    const result = await exportQuery({
      executor: pool.executor(connection),
      request,
      format,
      out,
      ...optional("explode", textOption(args, "explode")),
      signal: controller.signal,
      onProgress: (progress) => io.progress?.(redact(progressLine(progress), secrets())),
    });
    io.progress?.("");
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const records = result.rows === result.records ? "" : ` from ${result.records} records`;
    say(`Exported ${result.rows} rows${records} (${result.pages} page${result.pages === 1 ? "" : "s"}, ${seconds} s) to ${relative(io.cwd, out) || out}`);
    for (const note of result.notes) complain(`maximo: note: ${note}`);
    say(`  ${result.columns.length} columns: ${result.columns.join(", ")}`);
    return 0;
  } catch (error) {
    io.progress?.("");
    if (error instanceof ExportError) {
      complain(`maximo: ${error.message}`);
      return 1;
    }
    if (error instanceof Error && !(error instanceof UsageError) && (error as NodeJS.ErrnoException).code === undefined) {
      // A variable that cannot be resolved, a missing connection: sentences already.
      complain(`maximo: ${error.message.replace(/\.?$/, "")}; nothing was exported.`);
      return 1;
    }
    throw error;
  } finally {
    release?.();
    pool.close();
  }
}

/** `--format`, else the extension of `--out`. */
function formatOf(option: string | undefined, out: string): ExportFormat {
  const format = (option ?? extname(out).slice(1)).toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  if (option === undefined) throw new UsageError(`export needs --format csv|xlsx|json (the extension of ${out} does not say)`);
  throw new UsageError(`--format ${option} is not one of csv, xlsx, json`);
}

/** `--name N`, else the file's only request, else its only GET. */
function requestIndex(requests: ReadonlyArray<{ name?: string; request: { methodName: string } }>, name: string | undefined, display: string): number {
  if (name !== undefined) {
    const index = requests.findIndex((request) => request.name === name);
    if (index < 0) throw new UsageError(`no request is named "${name}" in ${display}`);
    return index;
  }
  if (requests.length === 1) return 0;
  const gets = requests.flatMap((request, index) => (request.request.methodName.toUpperCase() === "GET" ? [index] : []));
  if (gets.length === 1) return gets[0]!;
  const names = requests.flatMap((request) => (request.name ? [request.name] : []));
  throw new UsageError(`${display} has ${requests.length} requests; pick the query with --name${names.length > 0 ? ` (${names.join(", ")})` : " (give it a # @name)"}`);
}

function progressLine(progress: ExportProgress): string {
  const of = progress.totalCount !== undefined ? ` of ${progress.totalCount}` : "";
  return `exporting … ${progress.records}${of} records, ${progress.rows} rows, ${progress.pages} page(s)`;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
