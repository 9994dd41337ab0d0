/**
 * Completion inside embedded query values: attributes in `oslc.where`/`oslc.select`/
 * `oslc.orderBy` (after `rel.` and inside `rel{`), value templates after a where operator, and
 * saved query names after `savedQuery=`.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from "vscode-languageserver";
import { queryParamRoute } from "../../language/embedded";
import type { AttributeInfo, SchemaStore } from "../../schema";
import { attributeItems, schemaAtPath } from "./attributeItems";

export interface QueryValueInput {
  key: string;
  /** Decoded value from its start to the cursor. */
  valuePrefix: string;
  os: string;
}

export const CHILD_PARAM = /^[A-Za-z_]\w*\.([A-Za-z_][\w.]*)\.(where|orderby)$/i;
const OPERATOR = /([\w.:]+)\s*(!=|>=|<=|=|>|<)\s*$|([\w.:]+)\s+in\s*\[?\s*$/i;

export function queryValueItems(store: SchemaStore, input: QueryValueInput): CompletionItem[] {
  const { key, os } = input;
  if (key.toLowerCase() === "savedquery") {
    return store.savedQueries(os).map((query, index) => ({
      label: query.name,
      kind: CompletionItemKind.Constant,
      ...(query.title ? { detail: query.title } : {}),
      sortText: String(index).padStart(4, "0"),
    }));
  }
  const route = queryParamRoute(key);
  if (!route || route.language === "domain") return [];
  const child = CHILD_PARAM.exec(key);
  const base = child && !/^oslc\./i.test(key) ? child[1]!.toLowerCase().split(".") : [];

  const scan = outsideStrings(input.valuePrefix);
  if (scan === undefined) return [];
  const path = [...base, ...scan.braces.flatMap((b) => b.split("."))];
  if (route.language === "where") {
    const operator = OPERATOR.exec(scan.text);
    if (operator) {
      const name = operator[1] ?? operator[3]!;
      const attribute = store.attributeAtPath(os, [...path, ...segmentsOf(name)]);
      return attribute ? valueTemplates(attribute, operator[3] !== undefined && !operator[0].includes("[")) : [];
    }
  }
  const word = /[\w.:]*$/.exec(scan.text)![0];
  const segments = segmentsOf(word).slice(0, -1);
  const schema = schemaAtPath(store, os, [...path, ...segments]);
  return schema ? attributeItems(schema) : [];
}

export function segmentsOf(word: string): string[] {
  return word.split(".").map((s) => s.replace(/^spi:/, "").toLowerCase());
}

/** The value with quoted strings blanked, and the open `rel{` paths; undefined inside a string. */
export function outsideStrings(value: string): { text: string; braces: string[] } | undefined {
  let text = "";
  const braces: string[] = [];
  let quoted = false;
  for (const c of value) {
    if (c === '"') quoted = !quoted;
    if (quoted || c === '"') {
      text += " ";
      continue;
    }
    if (c === "{") {
      braces.push(/[\w.:]*$/.exec(text)![0].replace(/^spi:/, "").toLowerCase());
      text += ",";
    } else if (c === "}") {
      braces.pop();
      text += ",";
    } else text += c;
  }
  return quoted ? undefined : { text, braces };
}

const DATE_TYPES = new Set(["DATETIME", "DATE", "TIME"]);
const NUMBER_TYPES = new Set(["INTEGER", "SMALLINT", "BIGINT", "DECIMAL", "FLOAT", "AMOUNT", "DURATION"]);

function valueTemplates(attribute: AttributeInfo, inList: boolean): CompletionItem[] {
  const subType = (attribute.subType ?? "").toUpperCase();
  const snippet = (label: string, insertText: string, detail: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Value,
    insertText: inList ? `[${insertText}]` : insertText,
    insertTextFormat: InsertTextFormat.Snippet,
    detail,
  });
  if (subType === "YORN" || attribute.type === "boolean") {
    return [snippet("true", "true", "YORN"), snippet("false", "false", "YORN")];
  }
  if (DATE_TYPES.has(subType)) return [snippet('"2026-01-01T00:00:00-05:00"', '"${1:2026-01-01T00:00:00-05:00}"', `${subType}: ISO 8601 in quotes`)];
  if (NUMBER_TYPES.has(subType) || attribute.type === "integer" || attribute.type === "number") return [];
  return [snippet('""', '"$1"', `${subType || "string"}: quoted`)];
}
