/** Typed AST of `oslc.orderBy` and `gbsortby`. Spans are in the caller's coordinates. */
import type { NamePath } from "../common/queryAst";
import type { Span } from "../common/types";

export interface OrderByClause {
  kind: "orderByClause";
  span: Span;
  terms: SortTerm[];
}

/** `+attr` (ascending) or `-attr` (descending); sign or name may be missing in invalid input. */
export interface SortTerm {
  kind: "sortTerm";
  span: Span;
  /** From the (first) sign; absent when there is none. */
  direction?: "ascending" | "descending";
  /** The sign as written (`+`, `-`, or a typographic dash taken as `-`). */
  sign?: string;
  signSpan?: Span;
  path?: NamePath;
}
