import { toParseSummary } from "../../../server/src/language/maximo/api";
import { readMaximoFile } from "./readMaximoFile";
import { UsageError, type ParsedArgs } from "./args";

/** `maximo parse FILE`: the requests of one file as JSON. Exit 0; the diagnostics are in the output. */
export function parseCommand(args: ParsedArgs, out: (text: string) => void): number {
  if (args.positionals.length !== 1) throw new UsageError("parse takes exactly one FILE");
  out(JSON.stringify(toParseSummary(readMaximoFile(args.positionals[0]!)), null, 2));
  return 0;
}
