/**
 * Completion inside embedded query values: attributes in `oslc.where`/`oslc.select`/
 * `oslc.orderBy` (after `rel.` and inside `rel{`), value templates and listed values after a
 * where operator, listed values inside a where string (valueItems.ts), and saved query names
 * after `savedQuery=`.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from "vscode-languageserver";
import { queryParamRoute } from "../../language/embedded";
import type { AttributeInfo, SchemaStore } from "../../schema";
import { attributeItems, schemaAtPath } from "./attributeItems";
import type { ItemSource } from "./completionList";
import { CHILD_PARAM, listTarget } from "../schema/valueListLookup";
import { internalValueItems, valueItems, whereStringValueItems } from "./valueItems";

export { CHILD_PARAM };

export interface QueryValueInput {
  key: string;
  /** Decoded value from its start to the cursor. */
  valuePrefix: string;
  os: string;
}

const IN_LIST_NEXT = /([\w.:]+)\s+in\s*\[[^[\]]*,\s*$/i;
const OPERATOR = /([\w.:]+)\s*(!=|>=|<=|=|>|<)\s*$|([\w.:]+)\s+in\s*\[?\s*$/i;

export function queryValueItems(store: SchemaStore, input: QueryValueInput): ItemSource | undefined {
  const { key, os } = input;
  if (key.toLowerCase() === "savedquery") {
    const items = store.savedQueries(os).map((query, index) => ({
      label: query.name,
      kind: CompletionItemKind.Constant,
      ...(query.title ? { detail: query.title } : {}),
      sortText: String(index).padStart(4, "0"),
    }));
    return { items };
  }
  const route = queryParamRoute(key);
  if (route?.language === "domain") return internalValueItems(store, os, input.valuePrefix);
  if (!route) return undefined;
  const child = CHILD_PARAM.exec(key);
  const base = child && !/^oslc\./i.test(key) ? child[1]!.toLowerCase().split(".") : [];

  const scan = outsideStrings(input.valuePrefix);
  if (scan === undefined) return route.language === "where" ? whereStringValueItems(store, os, base, input.valuePrefix) : undefined;
  const path = [...base, ...scan.braces.flatMap((b) => b.split("."))];
  if (route.language === "where") {
    const operator = OPERATOR.exec(scan.text);
    if (operator) {
      const name = operator[1] ?? operator[3]!;
      const attribute = store.attributeAtPath(os, [...path, ...segmentsOf(name)]);
      if (!attribute) return undefined;
      const inList = operator[3] !== undefined && !operator[0].includes("[");
      const templates = valueTemplates(attribute, inList);
      // Listed values, quoted, after `=`, `!=` and `in`; never after `<`, `>`.
      const target = operator[2] === undefined || operator[2] === "=" || operator[2] === "!=" ? listTarget(store, os, [...path, ...segmentsOf(name)]) : undefined;
      if (!target) return { items: templates };
      const values = valueItems(target, inList ? "list" : "quoted");
      return { items: [...templates, ...values.items], data: values.data };
    }
    // `status in ["APPR", |`: the next listed value, quoted.
    const inList = IN_LIST_NEXT.exec(scan.text);
    const target = inList ? listTarget(store, os, [...path, ...segmentsOf(inList[1]!)]) : undefined;
    if (target) return valueItems(target, "quoted");
  }
  const word = /[\w.:]*$/.exec(scan.text)![0];
  const segments = segmentsOf(word).slice(0, -1);
  const schema = schemaAtPath(store, os, [...path, ...segments]);
  return schema ? attributeItems(schema) : undefined;
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

/**
 * What may follow `attr=` in a where: the attribute's default from the schema (written the way
 * its type wants it), then a template by type. Real jsonschemas carry no domain values, only
 * `hasList`, so a value-list attribute gets a note on where its values come from.
 */
function valueTemplates(attribute: AttributeInfo, inList: boolean): CompletionItem[] {
  const subType = (attribute.subType ?? "").toUpperCase();
  const snippet = (label: string, insertText: string, detail: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Value,
    insertText: inList ? `[${insertText}]` : insertText,
    insertTextFormat: InsertTextFormat.Snippet,
    detail,
  });
  const isBoolean = subType === "YORN" || attribute.type === "boolean";
  const isDate = DATE_TYPES.has(subType);
  const isNumber = NUMBER_TYPES.has(subType) || attribute.type === "integer" || attribute.type === "number";
  const templates: CompletionItem[] = [];
  const written = isBoolean ? undefined : defaultLiteral(attribute.defaultValue, isNumber, isDate);
  if (written !== undefined) {
    templates.push({ ...snippet(written, escapeSnippet(written), `default of ${attribute.name}`), preselect: true, sortText: "0" });
  }
  if (isBoolean) return [snippet("true", "true", "YORN"), snippet("false", "false", "YORN")];
  if (isDate) return [...templates, snippet('"2026-01-01T00:00:00-05:00"', '"${1:2026-01-01T00:00:00-05:00}"', `${subType}: ISO 8601 in quotes`)];
  if (isNumber) return templates;
  const quoted = snippet('""', '"$1"', `${subType || "string"}: quoted${attribute.hasList ? ", from a value list" : ""}`);
  if (attribute.hasList) quoted.documentation = { kind: MarkupKind.Markdown, value: valueListNote(attribute) };
  return [...templates, quoted];
}

/** The default as a where value; none for bind values such as `&AUTOKEY&` that mean "filled in on save". */
function defaultLiteral(value: AttributeInfo["defaultValue"], isNumber: boolean, isDate: boolean): string | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  const text = String(value);
  if (text === "" || /^&\w+&$/.test(text)) return undefined;
  if (isNumber) return Number.isFinite(Number(text)) ? text : undefined;
  if (isDate && !/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  return `"${text}"`;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function valueListNote(attribute: AttributeInfo): string {
  return [
    `\`${attribute.name}\` takes its values from a value list (domain).`,
    "",
    `The JSON schema does not list them: \`GET os/<object structure>/<record id>/getlist~${attribute.name.toLowerCase()}\` returns the values allowed for a record (reference §10).`,
  ].join("\n");
}
