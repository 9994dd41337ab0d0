/**
 * The body to send: body text with its variables filled in (JSON is substituted as text), and
 * `< ./file` parts read from disk relative to the request file (`<@ ./file` fills variables in
 * the file too; `<@latin1 ./file` reads it in that encoding).
 */
import { dirname, isAbsolute, resolve } from "node:path";
import type { BodyFilePart, BodyNode, MaximoDocument } from "../../../server/src/language/maximo/api";
import type { ReadFile } from "./envSources";
import { VariableError } from "./errors";
import type { Evaluation } from "./evaluation";
import { countLineBreaks, originOf } from "./origins";

export interface BodyOptions {
  document: MaximoDocument;
  filePath: string;
  readFile: ReadFile;
  /** Multipart bodies join their parts with CRLF, as the format requires. */
  multipart: boolean;
  /** A form (`application/x-www-form-urlencoded`) may be written one `&key=value` per line. */
  form?: boolean;
}

export async function resolveBody(body: BodyNode, evaluation: Evaluation, options: BodyOptions): Promise<string | Buffer> {
  const { document } = options;
  if (body.graphql) return graphqlBody(body, evaluation, document);
  if (body.parts.every((part) => part.kind === "text")) {
    const text = await evaluation.text(body.text, originOf(document, body.start, body.text));
    return options.form ? joinFormLines(text) : text;
  }
  const only = body.parts.length === 1 ? body.parts[0] : undefined;
  if (only?.kind === "file") return readPart(only, evaluation, options);
  const pieces: Buffer[] = [];
  for (const part of body.parts) {
    if (part.kind === "file") {
      const content = await readPart(part, evaluation, options);
      pieces.push(typeof content === "string" ? Buffer.from(content, "utf8") : content);
    } else {
      const text = document.text.slice(part.start, part.end);
      pieces.push(Buffer.from(await evaluation.text(text, originOf(document, part.start, text)), "utf8"));
    }
  }
  const separator = Buffer.from(options.multipart ? "\r\n" : "\n");
  return Buffer.concat(pieces.flatMap((piece, i) => (i === 0 ? [piece] : [separator, piece])));
}

/**
 * An httpyac GraphQL body (`query ...`, a blank line, JSON variables) is sent as the JSON httpyac
 * builds from it (src/plugins/graphql/gqlAction.ts): `{"query", "operationName", "variables"}`.
 */
async function graphqlBody(body: BodyNode, evaluation: Evaluation, document: MaximoDocument): Promise<string> {
  const graphql = body.graphql!;
  const query = await evaluation.text(graphql.query, originOf(document, body.start, graphql.query));
  const request: { query: string; operationName?: string; variables?: unknown } = { query };
  if (graphql.operationName) request.operationName = graphql.operationName;
  if (graphql.variables !== undefined) {
    const at = body.start + body.text.lastIndexOf(graphql.variables);
    const text = await evaluation.text(graphql.variables, originOf(document, at, graphql.variables));
    try {
      request.variables = JSON.parse(text);
    } catch (error) {
      throw new VariableError("variables", document.positionAt(at).line + 1, `The GraphQL variables after the query are not JSON: ${(error as Error).message}`);
    }
  }
  return JSON.stringify(request);
}

/** A raw file as bytes; a `<@` file as text with its variables filled in. */
async function readPart(part: BodyFilePart, evaluation: Evaluation, options: BodyOptions): Promise<string | Buffer> {
  const line = options.document.positionAt(part.start).line + 1;
  if (!part.path) throw new VariableError("<", line, "`<` names no file to send");
  const written = await evaluation.text(part.path.text, originOf(options.document, part.path.start, part.path.text));
  const path = isAbsolute(written) ? written : resolve(dirname(options.filePath), written);
  const encoding = part.encoding?.text ?? "utf8";
  if (!Buffer.isEncoding(encoding)) throw new VariableError(written, line, `\`${encoding}\` is not an encoding node knows (use utf8, latin1, ascii, utf16le, base64)`);
  let bytes: Buffer;
  try {
    bytes = await options.readFile(path);
  } catch (error) {
    throw new VariableError(written, line, `The body file ${path} cannot be read: ${(error as Error).message}`);
  }
  if (!part.processVariables) return bytes;
  const text = bytes.toString(encoding);
  // Lookups from the `<@` line; lines of the message are the file's own.
  const filled = await evaluation.text(text, { offset: part.start, line: (index) => 1 + countLineBreaks(text, index), where: written });
  return encoding === "utf8" || encoding === "utf-8" ? filled : Buffer.from(filled, encoding);
}


/**
 * A form written over several lines (`name=alice` then `&password=secret`) is one line on the
 * wire, blanks around `=` and `&` dropped, as REST Client and httpyac send it.
 */
export function joinFormLines(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.split("=").map((t) => t.trim()).join("=").split("&").map((t) => t.trim()).join("&"))
    .join("");
}
