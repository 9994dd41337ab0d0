/**
 * The JetBrains global variables the request files around a request file set: a response handler
 * `client.global.set("token", ...)`, inline (`> {% ... %}`) or in a handler file a request names
 * (`> ./handlers/token.js`). JetBrains keeps globals for the whole IDE session, not per file
 * (jetbrains.com/help "HTTP Client variables": "defined in response handler and pre-request
 * scripts"), so `{{token}}` in `items.http` is defined when `login.http` beside it, or in a folder
 * above, sets it. Only names are read, for the undefined-variable check (variableNames.ts); the
 * file itself is left out: its own handlers count in order, request by request (variableChecks.ts).
 * A name computed at run time (`set(key, ...)`) can't be read and is not guessed.
 */
import { join, resolve } from "node:path";
import { handlerSets } from "../../../server/src/language/maximo/handlerScripts";
import { listNames, readText } from "./folderFiles";

/** What one request file's handlers set. */
export interface GlobalSetter {
  file: string;
  names: readonly string[];
}

const REQUEST_FILE = /\.(?:http|rest|maximo)$/i;
/** `> path.js` on a line of its own: a response handler kept in a file (not `>>` / `>>!`). */
const HANDLER_FILE_LINE = /^[ \t]*>[ \t]+([^\s{%}>]+\.js)[ \t]*$/gm;
/** Larger files are not read for this: a generated request file sets no globals worth the read. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

/** The setters among the request files of `folders` (variableNames.ts `environmentFolders`), `requestFile` left out. */
export function globalSetters(requestFile: string, folders: readonly string[], memo?: Map<string, readonly GlobalSetter[]>): GlobalSetter[] {
  const self = resolve(requestFile);
  const out: GlobalSetter[] = [];
  for (const dir of folders) {
    let setters = memo?.get(dir);
    if (!setters) {
      setters = settersIn(dir);
      memo?.set(dir, setters);
    }
    for (const setter of setters) if (setter.file !== self) out.push(setter);
  }
  return out;
}

/** Every request file of `dir` whose handlers set a global by name. */
function settersIn(dir: string): GlobalSetter[] {
  const out: GlobalSetter[] = [];
  for (const name of listNames(dir)) {
    if (!REQUEST_FILE.test(name)) continue;
    const file = join(dir, name);
    const text = readText(file, MAX_READ_BYTES);
    if (text === undefined) continue;
    const names = new Set(globalNames(text));
    for (const match of text.matchAll(HANDLER_FILE_LINE)) {
      const handler = readText(resolve(dir, match[1]!), MAX_READ_BYTES);
      if (handler !== undefined) for (const n of globalNames(handler)) names.add(n);
    }
    if (names.size > 0) out.push({ file, names: [...names] });
  }
  return out;
}

/** The names `client.global.set("name", ...)` sets in `text` (not `request.variables`: those last one request). */
function globalNames(text: string): string[] {
  if (!text.includes("client.global")) return [];
  return handlerSets(text, "global").names;
}
