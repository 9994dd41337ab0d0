/**
 * `maximo import FILE|- [--out FILE] [--force] [--absolute]`: curl command(s) or a Postman
 * collection (v2.1) as `.maximo` text, on stdout or into FILE. No secret is written: credentials
 * are left to `{{$processEnv MAXIMO_*}}` or to the connection (Maximo API URLs are written
 * relative to it unless --absolute). Exit codes: 0 converted, 2 usage or unreadable input.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { importRequests } from "../import/index";
import { visibleControls } from "../import/maximoWriter";
import { UsageError, type ParsedArgs } from "./args";

import { IMPORT_VALUE_OPTIONS } from "./valueOptions";

export { IMPORT_VALUE_OPTIONS };

export interface ImportIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The whole of standard input, for `-`. */
  stdin(): Promise<string>;
}

export async function importCommand(args: ParsedArgs, io: ImportIo): Promise<number> {
  for (const name of args.options.keys()) {
    if (!["out", "force", "absolute"].includes(name)) throw new UsageError(`import does not take --${name}`);
  }
  if (args.positionals.length !== 1) throw new UsageError("import needs one FILE (a curl command or a Postman collection), or - for standard input");
  const source = args.positionals[0]!;
  const input = source === "-" ? await io.stdin() : readFileSync(resolve(io.cwd, source), "utf8");
  let result;
  try {
    result = importRequests(input, { connectionRelative: !args.options.has("absolute") });
  } catch (error) {
    io.err(visibleControls(`maximo: ${error instanceof Error ? error.message : String(error)}`));
    return 2;
  }
  const what = `${result.requests} request${result.requests === 1 ? "" : "s"} from ${result.format === "postman" ? "a Postman collection" : "curl"}`;
  const out = args.options.get("out");
  if (typeof out !== "string") {
    io.out(result.text.replace(/\n$/, ""));
    return 0;
  }
  const target = resolve(io.cwd, out);
  if (existsSync(target) && !args.options.has("force")) {
    io.err(visibleControls(`maximo: ${relative(io.cwd, target) || target} exists; choose another --out or add --force to replace it.`));
    return 2;
  }
  writeFileSync(target, result.text);
  io.err(visibleControls(`Imported ${what} into ${relative(io.cwd, target) || target}.`));
  return 0;
}

/** Standard input as text (for `maximo import -`). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
