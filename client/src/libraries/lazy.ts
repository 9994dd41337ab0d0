/**
 * The parsing libraries, each loaded on first use. esbuild bundles a `require()` made inside a
 * function as a module wrapper that runs when the function first calls it, so activating the
 * extension (or starting the CLI) does not pay for code that only some requests need.
 */
// The dayjs plugins' typings (they add `dayjs.utc()` and the "Q" unit), without loading them.
/// <reference types="dayjs/plugin/utc" />
/// <reference types="dayjs/plugin/quarterOfYear" />
import type * as ToughCookie from "tough-cookie";
import type * as Dotenv from "dotenv";
import type DayjsFunction from "dayjs";
import type * as JsonPathPlus from "jsonpath-plus";
import type * as XmlDom from "@xmldom/xmldom";

/** A getter that runs `load` once, on the first call. */
function once<T>(load: () => T): () => T {
  let value: T | undefined;
  let loaded = false;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value as T;
  };
}

export const toughCookie = once(() => require("tough-cookie") as typeof ToughCookie);

export const dotenv = once(() => require("dotenv") as typeof Dotenv);

/** dayjs with what `$datetime` needs: UTC, quarters as an offset unit, and the tokens X, x, Q, Do, k, w, W. */
export const dayjs = once(() => {
  const day = require("dayjs") as typeof DayjsFunction;
  day.extend(require("dayjs/plugin/utc"));
  day.extend(require("dayjs/plugin/quarterOfYear"));
  day.extend(require("dayjs/plugin/advancedFormat"));
  day.extend(require("dayjs/plugin/weekOfYear"));
  day.extend(require("dayjs/plugin/weekYear"));
  day.extend(require("dayjs/plugin/isoWeek"));
  return day;
});

export const jsonPath = once(() => (require("jsonpath-plus") as typeof JsonPathPlus).JSONPath);

/** The part of `xpath` we call, typed here: its own typings pull the DOM library into every file. */
export interface XPathLibrary {
  useNamespaces(namespaces: Record<string, string>): (expression: string, node: XmlDom.Node) => XPathValue;
}
export type XPathValue = XmlDom.Node[] | XmlDom.Node | string | number | boolean | null;

export const xpath = once(() => require("xpath") as XPathLibrary);

export const xmlDom = once(() => require("@xmldom/xmldom") as typeof XmlDom);

/** A JavaScript parser: which `scriptConfig` of an automation script is a top-level statement (scripts/scriptConfig.ts). */
export const acorn = once(() => require("acorn") as typeof import("acorn"));

// Data load and export (issue 14): streaming CSV and XLSX, loaded only when a load or export runs.
export const csvParse = once(() => require("csv-parse") as typeof import("csv-parse"));
export const csvStringify = once(() => require("csv-stringify") as typeof import("csv-stringify"));
export const excelJs = once(() => require("exceljs") as typeof import("exceljs"));
/** Zip archives by their central directory: an XLSX workbook's parts in any order (load/xlsxWorkbook.ts). */
export const yauzl = once(() => require("yauzl") as typeof import("yauzl"));
