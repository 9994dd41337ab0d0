/**
 * Script languages as AUTOSCRIPT.SCRIPTLANGUAGE stores them, and the file extensions that go
 * with them. Maximo's seeded scripts and the JSON API reference §14 example use `javascript`
 * (run by Nashorn on Java 8+) and `jython`; servers also show `nashorn`, `js` and `python`.
 */
import { extname } from "node:path";

export type LanguageFamily = "python" | "javascript";

/** The language a new script gets from its file: `.py`/`.jy` → jython, `.js` → javascript. */
export function languageOfFile(path: string): string | undefined {
  switch (extname(path).toLowerCase()) {
    case ".py":
    case ".jy":
      return "jython";
    case ".js":
      return "javascript";
    default:
      return undefined;
  }
}

export function familyOf(language: string): LanguageFamily | undefined {
  const lower = language.toLowerCase();
  if (lower === "jython" || lower === "python") return "python";
  if (lower === "javascript" || lower === "nashorn" || lower === "js" || lower === "ecmascript") return "javascript";
  return undefined;
}

/** `.py` or `.js` for a server language; undefined for one this tool does not write. */
export function extensionOf(language: string): ".py" | ".js" | undefined {
  const family = familyOf(language);
  return family === "python" ? ".py" : family === "javascript" ? ".js" : undefined;
}

export const scriptFileHint = "Automation scripts are .py or .jy (Jython) and .js (JavaScript) files.";
