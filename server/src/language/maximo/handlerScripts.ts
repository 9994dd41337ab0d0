/**
 * What a JetBrains HTTP Client handler script (`> {% ... %}` after a request, `< {% ... %}`
 * before it; also run by httpyac) is and which variables it sets. JetBrains: "Every variable saved
 * in client.global as variable_name is accessible to subsequent HTTP requests as
 * {{variable_name}}" (jetbrains.com/help/idea/http-response-handling-api-reference.html, the
 * HttpClient stub's `global`: "Global variables defined in response handler scripts, can be used
 * as variables in HTTP Requests"); a pre-request script sets request variables with
 * `request.variables.set(name, value)`. Scripts are never run here: the names are read from the text.
 */

/** `<` runs before the request is sent, `>` after its response came back. */
export type HandlerKind = "pre-request" | "response";

/** The kind of the handler starting at `text` (its `>` or `<`, after any indentation). */
export function handlerKind(text: string): HandlerKind {
  return text.trimStart().startsWith("<") ? "pre-request" : "response";
}

/** `> ./handler.js`, `< scripts/pre.js`: a script kept in another file, which this reads not. */
export function isHandlerFile(text: string): boolean {
  return /^\s*[<>]\s+[^\s{%}]+\s*$/.test(text);
}

const SETTER = /\b(?:client\.global|request\.variables)\.set\(\s*(?:(["'`])([^"'`\\\s]+)\1)?/g;
const GLOBAL_SETTER = /\bclient\.global\.set\(\s*(?:(["'`])([^"'`\\\s]+)\1)?/g;

/**
 * The names a handler's text sets with `client.global.set("name", ...)` or
 * `request.variables.set("name", ...)` (with `scope` "global", the first alone: the names other
 * files see); `dynamic` when a name is computed (`set(key, ...)`), so any name may be set.
 */
export function handlerSets(text: string, scope: "any" | "global" = "any"): { names: string[]; dynamic: boolean } {
  const names: string[] = [];
  let dynamic = false;
  if (!text.includes(".set(")) return { names, dynamic };
  for (const match of text.matchAll(scope === "global" ? GLOBAL_SETTER : SETTER)) {
    if (match[2]) names.push(match[2]);
    else dynamic = true;
  }
  return { names, dynamic };
}
