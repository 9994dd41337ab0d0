/**
 * Imported requests as `.maximo` text: notes as `#` comments, `@name = value` lines, then each
 * request under `###` with its query on continuation lines written readable (as the language
 * prefers: the runner encodes them again), its headers and its body.
 */
import { redact } from "../http/redact";
import type { ImportedFile, ImportedRequest } from "./importedRequest";

export function writeMaximo(file: ImportedFile): string {
  const lines: string[] = [];
  for (const note of file.notes) lines.push(comment(note));
  for (const [name, value] of file.variables) lines.push(`@${name} = ${oneLine(value)}`);
  for (const request of file.requests) {
    if (lines.length > 0) lines.push("");
    lines.push(...requestLines(request));
  }
  return visibleControls(lines.join("\n") + "\n");
}

/** Control characters (ESC, BEL, ...) written as `\x1b`: imported text never carries raw ones into a file or a terminal. */
export function visibleControls(text: string): string {
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** A note as comment lines; a note quoting an option (`-F password=x`) is masked as any shown text is. */
function comment(text: string): string {
  return redact(text)
    .split(/\r?\n/)
    .map((line) => `# ${line}`.trimEnd())
    .join("\n");
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, " ");
}

function requestLines(request: ImportedRequest): string[] {
  const lines = [request.name ? `### ${oneLine(request.name)}` : "###"];
  for (const note of request.notes) lines.push(comment(note));
  lines.push(...requestLine(request.method, request.url));
  for (const [name, value] of request.headers) lines.push(`${name}: ${oneLine(value)}`);
  const body = request.body;
  if (body) {
    lines.push("");
    if (body.kind === "file") lines.push(`< ${/^([./~]|[A-Za-z]:[\\/])/.test(body.path) ? body.path : `./${body.path}`}`);
    else lines.push(...bodyText(body.text, request.headers).split(/\r?\n/).map(guardBodyLine));
  }
  return lines;
}

/** A body line that would read as a new request (`###`) is kept apart from it with a leading space. */
function guardBodyLine(line: string): string {
  return line.startsWith("###") ? ` ${line}` : line;
}

/** JSON bodies are pretty-printed (Maximo reads either); other bodies stay as sent. */
function bodyText(text: string, headers: ReadonlyArray<[string, string]>): string {
  const type = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
  const trimmed = text.trim();
  if (!/json/i.test(type) && !/^[{[]/.test(trimmed)) return text;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return text;
  }
}

/** `GET url?first` then one `&key=value` line per further parameter. */
function requestLine(method: string, url: string): string[] {
  const question = url.indexOf("?");
  if (question < 0) return [`${method} ${url}`];
  const hash = url.indexOf("#", question);
  const query = url.slice(question + 1, hash < 0 ? undefined : hash);
  const params = query.split("&").filter((param) => param !== "").map(readableParam);
  if (params.length === 0) return [`${method} ${url.slice(0, question)}`];
  return [`${method} ${url.slice(0, question)}?${params[0]}`, ...params.slice(1).map((param) => `    &${param}`)];
}

/**
 * `key=value` with the value percent-decoded when the decoded text reads back the same (no `%`,
 * `&`, `#`, braces, edge spaces); `{{variables}}` in it stay as written.
 */
function readableParam(param: string): string {
  const eq = param.indexOf("=");
  if (eq < 0) return param;
  const key = param.slice(0, eq);
  const parts = param.slice(eq + 1).split(/(\{\{[^{}]*\}\})/);
  const decoded: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      decoded.push(parts[i]!);
      continue;
    }
    let text: string;
    try {
      // `+` is a space, as the servlet container in front of Maximo reads it.
      text = decodeURIComponent(parts[i]!.replace(/\+/g, " "));
    } catch {
      return param;
    }
    if (/[%&#\r\n\t{}]/.test(text)) return param;
    decoded.push(text);
  }
  const value = decoded.join("");
  return value !== value.trim() ? param : `${key}=${value}`;
}
