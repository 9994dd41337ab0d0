/**
 * Hover on a listed value, in a where string (`status="APPR"`, `in [...]`, `!="[A,B]"`) or as a
 * JSON body value: its description, and a synonym's internal value. Values the list does not
 * have get no hover here: `schema.unlisted-value` says what it knows.
 */
import { percentDecode } from "../language/common";
import { queryParamRoute } from "../language/embedded";
import type { MaximoDocument, QueryParamNode } from "../language/maximo/api";
import type { SchemaStore } from "../schema";
import { bodyContext } from "./completion/completionContext";
import { CHILD_PARAM } from "./completion/queryValueCompletion";
import { whereStringSpot } from "./completion/valueItems";
import { listTarget, listValueMarkdown, matchValue, type ListTarget } from "./schema/valueListLookup";

export interface ValueHover {
  markdown: string;
  start: number;
  end: number;
}

/** `at` and the answer's offsets are relative to the parameter value's raw text. */
export function whereValueHover(param: QueryParamNode, at: number, store: SchemaStore, os: string): ValueHover | undefined {
  const key = param.key.decoded;
  if (queryParamRoute(key)?.language !== "where" || !param.value) return undefined;
  const child = CHILD_PARAM.exec(key);
  const base = child && !/^oslc\./i.test(key) ? child[1]!.toLowerCase().split(".") : [];
  const { text, map } = percentDecode(param.value.text);
  // The decoded offset of the cursor: the first whose raw offset reaches it.
  let cursor = 0;
  while (cursor < text.length && map(cursor) < at) cursor++;
  let start = cursor;
  let end = cursor;
  while (start > 0 && !/[",[\]]/.test(text[start - 1]!)) start--;
  while (end < text.length && !/[",[\]]/.test(text[end]!)) end++;
  const token = text.slice(start, end).trim();
  if (token === "") return undefined;
  start += text.slice(start, end).indexOf(token);
  end = start + token.length;
  const spot = whereStringSpot(text.slice(0, start));
  const target = spot ? listTarget(store, os, [...base, ...spot.path]) : undefined;
  const markdown = target && valueMarkdown(target, token);
  return markdown ? { markdown, start: map(start), end: map(end) } : undefined;
}

/** Document offsets; `line` is the text of the cursor's line, starting at `lineStart`. */
export function bodyValueHover(doc: MaximoDocument, bodyStart: number, offset: number, lineStart: number, line: string, store: SchemaStore, os: string): ValueHover | undefined {
  for (const match of line.matchAll(/"((?:\w+:)?\w+)"\s*:\s*"([^"\\\n]*)"/g)) {
    const valueStart = lineStart + match.index + match[0].length - match[2]!.length - 1;
    if (offset < valueStart || offset > valueStart + match[2]!.length) continue;
    const context = bodyContext(doc.text, bodyStart, lineStart + match.index, os);
    if (context?.kind !== "bodyKey") return undefined;
    const target = listTarget(store, os, [...context.path, match[1]!.replace(/^\w+:/, "").toLowerCase()]);
    const markdown = target && valueMarkdown(target, match[2]!);
    return markdown ? { markdown, start: valueStart, end: valueStart + match[2]!.length } : undefined;
  }
  return undefined;
}

function valueMarkdown(target: ListTarget, text: string): string | undefined {
  const match = matchValue(target, text);
  if (match.kind === "listed") return listValueMarkdown(match.entry, target);
  if (match.kind === "internal") return `\`${text}\` is an internal value of \`${target.attribute.name}\`; the synonym that writes it:\n\n${listValueMarkdown(match.entry, target)}`;
  return undefined;
}
