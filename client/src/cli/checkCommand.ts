import { toParseSummary, type DiagnosticSummary } from "../../../server/src/language/maximo/api";
import { expandMaximoFiles } from "./files";
import { readMaximoFile } from "./readMaximoFile";
import { UsageError, type ParsedArgs } from "./args";

export interface FileDiagnostic extends DiagnosticSummary {
  file: string;
}

/** `maximo check FILE|DIR... [--format text|json]`: diagnostics of every file; exit 1 when any is an error. */
export function checkCommand(args: ParsedArgs, out: (text: string) => void): number {
  const format = args.options.get("format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not ${String(format)}`);
  if (args.positionals.length === 0) throw new UsageError("check needs at least one FILE or DIR");

  const files = expandMaximoFiles(args.positionals);
  const found: FileDiagnostic[] = files.flatMap((file) =>
    toParseSummary(readMaximoFile(file)).diagnostics.map((d) => ({ file, ...d })),
  );

  if (format === "json") {
    out(JSON.stringify(found, null, 2));
  } else {
    for (const d of found) out(`${d.file}:${d.line + 1}:${d.character + 1} ${d.severity} ${d.code} ${d.message}`);
    const errors = found.filter((d) => d.severity === "error").length;
    out(`${files.length} file(s) checked: ${errors} error(s), ${found.length - errors} other diagnostic(s)`);
  }
  return found.some((d) => d.severity === "error") ? 1 : 0;
}
