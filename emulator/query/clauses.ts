/**
 * Parses query parameter values with the language parsers and turns their error diagnostics
 * into the server's rejection (BMXAA8744E). Parsed trees are cached by text, so a client paging
 * through the same query does not re-parse it on every request.
 */
import { parseDomainFilter } from "../../server/src/language/domain/api";
import type { DomainFilter } from "../../server/src/language/domain/ast";
import { parseOrderBy } from "../../server/src/language/orderby/api";
import type { OrderByClause } from "../../server/src/language/orderby/ast";
import { parseSelect } from "../../server/src/language/select/api";
import type { SelectClause } from "../../server/src/language/select/ast";
import { parseWhere } from "../../server/src/language/where/api";
import type { WhereClause } from "../../server/src/language/where/ast";
import type { SyntaxDiagnostic } from "../../server/src/language/common/types";
import { syntaxError } from "./errors";

const maxCached = 500;

class ParseCache<T> {
  private readonly entries = new Map<string, T | Error>();

  get(key: string, build: () => T): T {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      try {
        entry = build();
      } catch (error) {
        entry = error as Error;
      }
      if (this.entries.size >= maxCached) this.entries.clear();
      this.entries.set(key, entry);
    }
    if (entry instanceof Error) throw entry;
    return entry;
  }
}

function rejectErrors(parameter: string, diagnostics: SyntaxDiagnostic[]): void {
  const first = diagnostics.find((d) => d.severity === "error");
  if (first) throw syntaxError(parameter, first.message);
}

const wheres = new ParseCache<WhereClause>();
const whereSql = new ParseCache<WhereClause>();
const selects = new ParseCache<SelectClause>();
const orders = new ParseCache<OrderByClause>();
const domains = new ParseCache<DomainFilter>();

export function whereClause(parameter: string, text: string, lean: boolean): WhereClause {
  return wheres.get(`${lean ? 1 : 0}${parameter}\u0000${text}`, () => {
    const parsed = parseWhere({ text }, { lean, opmodeOrParam: "opmodeor" });
    rejectErrors(parameter, parsed.diagnostics);
    return parsed.ast;
  });
}

/** gbfilter(s): "the SQL clause format" (reference §17.2), single-quoted strings allowed. */
export function havingClause(parameter: string, text: string, lean: boolean): WhereClause {
  return whereSql.get(`${lean ? 1 : 0}${text}`, () => {
    const parsed = parseWhere({ text }, { lean, dialect: "sql" });
    rejectErrors(parameter, parsed.diagnostics);
    return parsed.ast;
  });
}

export function selectClause(parameter: string, text: string, lean: boolean, mode: "select" | "gbcols" = "select"): SelectClause {
  return selects.get(`${lean ? 1 : 0}${mode}\u0000${text}`, () => {
    const parsed = parseSelect({ text }, { lean, mode });
    rejectErrors(parameter, parsed.diagnostics);
    return parsed.ast;
  });
}

export function orderByClause(parameter: string, text: string, lean: boolean, mode: "orderBy" | "gbsortby" = "orderBy"): OrderByClause {
  return orders.get(`${lean ? 1 : 0}${mode}\u0000${text}`, () => {
    const parsed = parseOrderBy({ text }, { lean, mode });
    rejectErrors(parameter, parsed.diagnostics);
    return parsed.ast;
  });
}

export function domainFilter(text: string): DomainFilter {
  return domains.get(text, () => {
    const parsed = parseDomainFilter({ text });
    rejectErrors("domaininternalwhere", parsed.diagnostics);
    return parsed.ast;
  });
}
