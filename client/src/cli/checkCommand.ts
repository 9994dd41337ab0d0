import type { DiagnosticSummary, DocumentDiagnostic } from "../../../server/src/language/maximo/api";
import { dirname } from "node:path";
import { expandFilesToCheck } from "./files";
import { readTextFile } from "./textFile";
import { UsageError, type ParsedArgs } from "./args";
import { createSchemaStore, defaultPackDir } from "../../../server/src/schema";
import { onePassCheck } from "../../../server/src/features/fileDiagnostics/onePassCheck";
import { withoutEnvironmentVariables } from "../../../server/src/features/schema/variableChecks";
import { importDiagnostics } from "../../../server/src/features/imports/importChecks";
import { readRequestText } from "./readMaximoFile";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { environmentFileNames, environmentFolders } from "../environments/variableNames";
import { globalSetters, type GlobalSetter } from "../environments/handlerGlobals";
import { checkCacheKey } from "./checkCache/cacheKey";
import { CheckCache, checkCacheDir } from "./checkCache/checkCache";

export interface FileDiagnostic extends DiagnosticSummary {
  file: string;
}

/**
 * `maximo check FILE|DIR... [--format text|json] [--schemas DIR] [--no-cache]`: diagnostics of every file; exit 1 when any is an error.
 * The shipped schema pack always answers, as in the editor; with the pack alone a name it does
 * not list is a hint, never an error. `--schemas DIR` is a connection's saved cache folder: the
 * user's server's own knowledge, whose `schema.unknown-*` are errors. Blocks checked before with
 * the same code and schemas are answered from the check cache (`checkCache/`) unless `--no-cache`.
 * A variable an environment file around the request file defines (environments/variableNames.ts)
 * is not undefined. A folder contributes its `.maximo` files; one without any is a usage error.
 */
export function checkCommand(args: ParsedArgs, out: (text: string) => void): number {
  const format = args.options.get("format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not ${String(format)}`);
  if (args.positionals.length === 0) throw new UsageError("check needs at least one FILE or DIR");

  const files = expandFilesToCheck(args.positionals);
  // `--schemas DIR`: the server's schema store over a saved cache folder (pack behind it).
  const schemasDir = args.options.get("schemas");
  if (schemasDir === true) throw new UsageError("--schemas needs a folder");
  const cacheDirs = schemasDir === undefined ? [] : [schemasDir];
  const schemas = createSchemaStore({ cacheDirs });
  const cache = args.options.has("no-cache") ? undefined : openCheckCache([...cacheDirs, defaultPackDir()]);
  const found: FileDiagnostic[] = [];
  // Files of one folder share its environment files, and the globals each folder's request files set: read once per run.
  const byFolder = new Map<string, { names: ReadonlySet<string>; folders: string[] }>();
  const setters = new Map<string, readonly GlobalSetter[]>();
  const environmentNamesFor = (file: string) => {
    const folder = dirname(file);
    let around = byFolder.get(folder);
    if (!around) byFolder.set(folder, (around = { names: new Set(environmentFileNames(file).flatMap((f) => f.names)), folders: environmentFolders(file) }));
    // The file's own handlers count in order (variableChecks.ts): the globals of the others only.
    const globals = globalSetters(file, around.folders, setters);
    return globals.length === 0 ? around.names : new Set([...around.names, ...globals.flatMap((g) => g.names)]);
  };
  for (const file of files) {
    // A leading BOM is kept: the parser accounts for it. The syntax diagnostics, then the schema ones.
    const text = readTextFile(file);
    const { syntax, schema } = cache ? cache.check(file, text, schemas) : onePassCheck(text, schemas);
    for (const d of syntax) found.push(summary(file, d));
    // After the cache: its answers are a function of the text; the environments are read afresh.
    const environment = environmentNamesFor(file);
    for (const d of withoutEnvironmentVariables(schema, environment, (v) => text.slice(v.span.start, v.span.end))) found.push(summary(file, d));
    // JetBrains `import` / `run` lines: the files they name are read (a second parse, only for files that have such lines).
    if (FILE_COMMAND.test(text)) {
      const document = parseDocument(text);
      for (const d of importDiagnostics(document, file, readRequestText)) found.push(summary(file, { ...d, range: document.rangeOf(d.span) }));
    }
  }
  cache?.prune();

  if (format === "json") {
    out(JSON.stringify(found, null, 2));
  } else {
    const errors = found.filter((d) => d.severity === "error").length;
    // One line per diagnostic, whatever a name or message holds: CI problem matchers read them line by line.
    const lines = found.map((d) => `${oneLine(d.file)}:${d.line + 1}:${d.character + 1} ${d.severity} ${d.code} ${oneLine(d.message)}`);
    lines.push(`${files.length} file(s) checked: ${errors} error(s), ${found.length - errors} other diagnostic(s)`);
    // One write: a line per call costs a system call per diagnostic. `out` escapes line by line
    // alike (line feeds are kept), so the text is the same.
    out(lines.join("\n"));
  }
  return found.some((d) => d.severity === "error") ? 1 : 0;
}

/** A line that may be a JetBrains `import` / `run` line (fileCommands.ts decides). */
const FILE_COMMAND = /^[ \t]*(?:run|import)(?:[ \t]|$)/m;

/** The check cache for this run's code and schema folders; none when it is off or its key cannot be read. */
function openCheckCache(schemaDirs: readonly string[]): CheckCache | undefined {
  const dir = checkCacheDir();
  if (!dir) return undefined;
  try {
    return new CheckCache(dir, checkCacheKey(__filename, schemaDirs));
  } catch {
    return undefined;
  }
}

function summary(file: string, { range: { start, end }, severity, code, message }: DocumentDiagnostic): FileDiagnostic {
  return { file, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character, severity, code, message };
}

function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ");
}
