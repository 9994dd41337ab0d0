/**
 * Which embedded language a query parameter's value is written in, and in which variant.
 * Keys match case-insensitively: the server's own casing rules are checked elsewhere, and a
 * value is worth checking whatever the key's case.
 */
import type { WhereDialect } from "../where/api";

export type QueryParamRoute =
  | { language: "where"; dialect: WhereDialect; opmodeOrParam?: string }
  | { language: "select"; mode: "select" | "gbcols" }
  | { language: "orderby"; mode: "orderBy" | "gbsortby" }
  | { language: "domain" };

/** `<obj>.<rel>.where` / `<obj>.<rel>.orderBy` (reference section 9). */
const CHILD_PARAM = /^([A-Za-z_][\w]*)\.([A-Za-z_][\w]*)\.(where|orderby)$/i;

export function queryParamRoute(key: string): QueryParamRoute | undefined {
  if (typeof key !== "string") return undefined;
  const trimmed = key.trim();
  switch (trimmed.toLowerCase()) {
    case "oslc.where":
      return { language: "where", dialect: "oslc", opmodeOrParam: "opmodeor" };
    case "gbfilters":
    case "gbfilter": // the spelling of the reference's 17.2 example
      return { language: "where", dialect: "sql" };
    case "oslc.select":
      return { language: "select", mode: "select" };
    case "gbcols":
      return { language: "select", mode: "gbcols" };
    case "oslc.orderby":
      return { language: "orderby", mode: "orderBy" };
    case "gbsortby":
      return { language: "orderby", mode: "gbsortby" };
    case "domaininternalwhere":
      return { language: "domain" };
  }
  const child = CHILD_PARAM.exec(trimmed);
  if (!child) return undefined;
  if (child[3].toLowerCase() === "where") {
    // The child collection's own switch: <obj>.<rel>.opmodeor=1 ORs its where terms.
    return { language: "where", dialect: "oslc", opmodeOrParam: `${child[1]}.${child[2]}.opmodeor` };
  }
  return { language: "orderby", mode: "orderBy" };
}
