/** Typed AST of `domaininternalwhere` (reference 5.2). Spans are in the caller's coordinates. */
import type { NamePath } from "../common/queryAst";
import type { Span } from "../common/types";

/**
 * `status!=APPR,INPRG`: the server turns it into `status not in (...)` over the external values
 * of those internal synonym values (`=` gives `in`), ANDed to oslc.where.
 */
export interface DomainFilter {
  kind: "domainFilter";
  span: Span;
  attribute?: NamePath;
  operator?: DomainFilterOperator;
  values: DomainValue[];
}

export interface DomainFilterOperator {
  span: Span;
  text: string;
  /** `!=`: not in. */
  negated: boolean;
}

export interface DomainValue {
  /** The value without surrounding spaces. */
  span: Span;
  value: string;
  /** A `{{var}}` the request file fills in. */
  template: boolean;
}
