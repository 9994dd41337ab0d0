/**
 * Where the cursor stands in a `.maximo` file, as completion needs it. Read from the text
 * before the cursor (a half-typed line seldom parses the way it will end up) plus the parsed
 * request for its object structure and line spans.
 */
import { percentDecode } from "../../language/common";
import type { MaximoDocument, RequestNode } from "../../language/maximo/api";

export type CompletionContext =
  | { kind: "directive"; from: number }
  | { kind: "variable"; from: number; system: boolean }
  | { kind: "objectStructure"; from: number }
  | { kind: "queryParam"; from: number; os?: string }
  /** `valuePrefix` is decoded; `from` is where the word being typed starts. */
  | { kind: "queryValue"; from: number; valueStart: number; key: string; valuePrefix: string; os?: string }
  | { kind: "headerName"; from: number }
  | { kind: "headerValue"; from: number; header: string }
  /** `path`: the keys of the enclosing child objects; `to` also covers a closing quote after the cursor. */
  | { kind: "bodyKey"; from: number; to: number; os?: string; path: string[] }
  /** A JSON value of `key` (inside its string when `quoted`); `path` as for bodyKey. */
  | { kind: "bodyValue"; from: number; os?: string; path: string[]; key: string; quoted: boolean };

/** The object structure a request addresses: the segment after `os` (`/oslc/os/mxapiwodetail`). */
export function objectStructureOf(request: RequestNode): string | undefined {
  const segments = request.url.segments;
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i]!.decoded.toLowerCase() === "os") return segments[i + 1]!.decoded.toLowerCase();
  }
  return undefined;
}

export function completionContext(doc: MaximoDocument, offset: number): CompletionContext | undefined {
  const lineStart = offset - doc.positionAt(offset).character;
  const linePrefix = doc.text.slice(lineStart, offset);

  const directive = /^\s*(?:#+|\/\/+)\s*@([\w-]*)$/.exec(linePrefix);
  if (directive) return { kind: "directive", from: offset - directive[1]!.length };
  const variable = /\{\{\s*(\$?)([\w.-]*)$/.exec(linePrefix);
  if (variable && !linePrefix.slice(variable.index).includes("}}")) {
    return { kind: "variable", from: offset - variable[2]!.length - variable[1]!.length, system: variable[1] === "$" };
  }

  const found = doc.requestAt(offset);
  if (!found) return undefined;
  const request = found.request;
  const os = objectStructureOf(request);
  if (offset <= request.line.end) {
    if (offset < request.url.start) return undefined;
    return urlContext(doc.text.slice(request.url.start, offset), offset, os);
  }
  const between = doc.text.slice(request.line.end, lineStart);
  const inBody = /\n[ \t]*\r?\n/.test(between + "\n") && between.length > 1;
  if (!inBody) {
    if (/^\s*[?&]/.test(linePrefix)) return urlContext(linePrefix.trim(), offset, os);
    if (/^\s*(#|\/\/)/.test(linePrefix)) return undefined;
    const colon = linePrefix.indexOf(":");
    if (colon < 0) return { kind: "headerName", from: offset - linePrefix.trimStart().length };
    const value = linePrefix.slice(colon + 1);
    return { kind: "headerValue", from: offset - value.trimStart().length, header: linePrefix.slice(0, colon).trim().toLowerCase() };
  }
  const blank = /\n[ \t]*\r?\n/.exec(between + "\n")!;
  return bodyContext(doc.text, request.line.end + blank.index + blank[0].length, offset, os);
}

/** `text` runs from the URL start (or a `?`/`&` continuation line start) to the cursor. */
function urlContext(text: string, offset: number, os: string | undefined): CompletionContext | undefined {
  const separator = Math.max(text.lastIndexOf("?"), text.lastIndexOf("&"));
  if (separator < 0) {
    const name = /(?:^|\/)os\/(\w*)$/i.exec(text);
    return name ? { kind: "objectStructure", from: offset - name[1]!.length } : undefined;
  }
  const param = text.slice(separator + 1);
  const equals = param.indexOf("=");
  if (equals < 0) return { kind: "queryParam", from: offset - param.length, ...(os ? { os } : {}) };
  const raw = param.slice(equals + 1);
  const word = /[\w]*$/.exec(raw)![0];
  return {
    kind: "queryValue",
    from: offset - word.length,
    valueStart: offset - raw.length,
    key: decodeSafe(param.slice(0, equals)),
    valuePrefix: percentDecode(raw).text,
    ...(os ? { os } : {}),
  };
}

function decodeSafe(text: string): string {
  return percentDecode(text).text;
}

/**
 * Key position inside a JSON body (after `{` or `,` in an object, outside strings), or a value
 * position (after `"key":`, or inside the string that follows it).
 */
export function bodyContext(text: string, bodyStart: number, offset: number, os: string | undefined): CompletionContext | undefined {
  const body = text.slice(bodyStart, offset);
  const stack: Array<{ key?: string; array: boolean }> = [];
  let pendingKey: string | undefined;
  // The key whose value comes next: set by `:`, cleared by anything that is not white space.
  let valueOf: string | undefined;
  let lastString: string | undefined;
  let expectKey = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < body.length && body[j] !== '"') j += body[j] === "\\" ? 2 : 1;
      if (j >= body.length) {
        // An unterminated string: a value after `"key": `, or a key where a key is expected.
        if (valueOf !== undefined && !body.slice(i + 1).includes("\n")) return valueContext(stack, valueOf, i + 1 + bodyStart, true, os);
        if (!expectKey || !/^[\w:]*$/.test(body.slice(i + 1))) return undefined;
        return keyContext(stack, i + bodyStart, text, offset, os);
      }
      lastString = body.slice(i + 1, j);
      i = j;
      expectKey = false;
      valueOf = undefined;
    } else if (c === ":") {
      pendingKey = lastString;
      valueOf = lastString;
    } else if (c === "{" || c === "[") {
      valueOf = undefined;
      stack.push({ ...(pendingKey !== undefined ? { key: pendingKey } : {}), array: c === "[" });
      pendingKey = undefined;
      expectKey = c === "{";
    } else if (c === "}" || c === "]") {
      stack.pop();
      expectKey = false;
      valueOf = undefined;
    } else if (c === ",") {
      valueOf = undefined;
      expectKey = stack.at(-1)?.array === false;
      pendingKey = undefined;
    } else if (!/\s/.test(c)) {
      const word = /^[\w:]*$/.test(body.slice(i)) && expectKey;
      if (word) return keyContext(stack, i + bodyStart, text, offset, os);
      expectKey = false;
      valueOf = undefined;
    }
  }
  if (expectKey) return keyContext(stack, offset, text, offset, os);
  return valueOf !== undefined ? valueContext(stack, valueOf, offset, false, os) : undefined;
}

/** Keys of the enclosing objects, without `spi:` and without a BULK item's `_data`. */
function pathOf(stack: ReadonlyArray<{ key?: string }>): string[] {
  return stack.flatMap((s) => (s.key !== undefined && !s.key.startsWith("_") ? [s.key.replace(/^spi:/, "")] : []));
}

function valueContext(stack: Array<{ key?: string; array: boolean }>, key: string, from: number, quoted: boolean, os: string | undefined): CompletionContext {
  return { kind: "bodyValue", from, path: pathOf(stack), key: key.replace(/^\w+:/, ""), quoted, ...(os ? { os } : {}) };
}

function keyContext(stack: Array<{ key?: string; array: boolean }>, from: number, text: string, offset: number, os: string | undefined): CompletionContext {
  const path = pathOf(stack);
  const to = text[offset] === '"' ? offset + 1 : offset;
  return { kind: "bodyKey", from, to, path, ...(os ? { os } : {}) };
}
