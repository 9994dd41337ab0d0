/**
 * Hover in `.maximo` files: an attribute's schema facts in query values and JSON body keys, a
 * listed value's description (valueHover.ts), the docs of query parameters and headers, and the encoded form Maximo receives of a query value.
 */
import { MarkupKind, type Hover } from "vscode-languageserver";
import type { MaximoDocument, QueryParamNode } from "../language/maximo/api";
import type { SchemaStore } from "../schema";
import { attributeMarkdown } from "./completion/attributeItems";
import { bodyContext, objectStructureOf } from "./completion/completionContext";
import { HEADER_BY_NAME, QUERY_PARAM_BY_NAME, RELATION_WHERE_PARAM } from "./completion/maximoDocs";
import { CHILD_PARAM, outsideStrings, segmentsOf } from "./completion/queryValueCompletion";
import { queryParamRoute } from "../language/embedded";
import { schemaViewFor } from "./schema/getlistTarget";
import { bodyValueHover, whereValueHover } from "./valueHover";
import { runLineHover } from "./runLineHover";

export function getHover(doc: MaximoDocument, offset: number, store: SchemaStore | undefined): Hover | undefined {
  const run = runLineHover(doc, offset);
  if (run) return run;
  const found = doc.requestAt(offset);
  if (!found) return undefined;
  const request = found.request;
  const os = objectStructureOf(request);
  // A `getlist~attr` request queries domain records: its names and values are theirs.
  if (store) store = schemaViewFor(request, store);
  const markdown = (value: string, start: number, end: number): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: doc.rangeOf({ start, end }),
  });

  for (const param of request.url.query) {
    if (offset < param.start || offset > param.end) continue;
    if (offset <= param.key.end) {
      const doc = QUERY_PARAM_BY_NAME.get(param.key.decoded.toLowerCase())?.doc ?? (CHILD_PARAM.test(param.key.decoded) ? RELATION_WHERE_PARAM.doc : undefined);
      return doc ? markdown(`**${param.key.decoded}**\n\n${doc}`, param.key.start, param.key.end) : undefined;
    }
    if (param.value && offset >= param.value.start) return valueHover(param, offset, store, os, markdown);
  }
  for (const header of request.headers) {
    if (offset >= header.name.start && offset <= header.name.end) {
      const entry = HEADER_BY_NAME.get(header.name.text.toLowerCase());
      return entry ? markdown(`**${entry.name}**\n\n${entry.doc}`, header.name.start, header.name.end) : undefined;
    }
  }
  const body = request.body;
  if (body && store && os && offset >= body.start && offset <= body.end) {
    const lineStart = offset - doc.positionAt(offset).character;
    const lineEnd = doc.text.indexOf("\n", offset);
    const line = doc.text.slice(lineStart, lineEnd < 0 ? doc.text.length : lineEnd + 1);
    const value = bodyValueHover(doc, body.start, offset, lineStart, line, store, os);
    if (value) return markdown(value.markdown, value.start, value.end);
    for (const match of line.matchAll(/"(?:spi:)?([\w]+)"\s*:/g)) {
      const start = lineStart + match.index;
      if (offset < start || offset > start + match[0].length) continue;
      const context = bodyContext(doc.text, body.start, start, os);
      if (context?.kind !== "bodyKey") return undefined;
      const attribute = store.attributeAtPath(os, [...context.path, match[1]!.toLowerCase()]);
      return attribute ? markdown(attributeMarkdown(attribute), start, start + match[0].length) : undefined;
    }
  }
  return undefined;
}

/** An attribute under the cursor in where/select/orderBy, and the value as sent on the wire. */
function valueHover(
  param: QueryParamNode,
  offset: number,
  store: SchemaStore | undefined,
  os: string | undefined,
  markdown: (value: string, start: number, end: number) => Hover,
): Hover | undefined {
  const value = param.value!;
  // A value written percent-encoded goes as written; a readable one is encoded by the runner.
  const encoded = param.encoded ? value.text : encodeURIComponent(value.decoded);
  const wire = `Sent as \`${param.key.decoded}=${encoded}\``;
  const route = queryParamRoute(param.key.decoded);
  if (store && os && route && route.language !== "domain") {
    const at = offset - value.start;
    const raw = value.text;
    let start = at;
    let end = at;
    while (start > 0 && /[\w.:]/.test(raw[start - 1]!)) start--;
    while (end < raw.length && /\w/.test(raw[end]!)) end++;
    const listed = whereValueHover(param, at, store, os);
    if (listed) return markdown(`${listed.markdown}\n\n---\n${wire}`, value.start + listed.start, value.start + listed.end);
    const scan = outsideStrings(decodeURIComponentSafe(raw.slice(0, start)));
    if (end > start && scan) {
      const child = CHILD_PARAM.exec(param.key.decoded);
      const base = child && !/^oslc\./i.test(param.key.decoded) ? child[1]!.toLowerCase().split(".") : [];
      const path = [...base, ...scan.braces.flatMap((b) => b.split(".")), ...segmentsOf(raw.slice(start, end))];
      const attribute = store.attributeAtPath(os, path);
      // Only the last segment under the cursor is hovered: `asset.|assettype`.
      const segmentStart = start + raw.slice(start, at).lastIndexOf(".") + 1;
      if (attribute) return markdown(`${attributeMarkdown(attribute)}\n\n---\n${wire}`, value.start + segmentStart, value.start + end);
    }
  }
  return markdown(wire, value.start, value.end);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
