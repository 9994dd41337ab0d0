/**
 * oslc.orderBy (reference §7): every attribute signed (`+` ascending, `-` descending; the parser
 * rejects unsigned ones), persistent attributes of the main object only.
 */
import type { OrderByClause } from "../../server/src/language/orderby/ast";
import type { Row } from "../model/types";
import type { Store } from "../store/store";
import { syntaxError, unknownAttribute } from "./errors";
import { mboInfo } from "./schema";
import { comparable, compareComparable } from "./values";

export type RowComparator = (a: Row, b: Row) => number;

export function compileOrderBy(store: Store, clause: OrderByClause, mbo: string, parameter: string): RowComparator | undefined {
  const info = mboInfo(store, mbo);
  const keys = clause.terms.map((term) => {
    if (!term.path || !term.direction) throw syntaxError(parameter, "every sort attribute needs a + or - sign");
    if (term.path.segments.length !== 1) throw syntaxError(parameter, "only attributes of the main object can be sorted on");
    const name = term.path.segments[0].name.toLowerCase();
    const attribute = info.attributes.get(name);
    if (!attribute || !attribute.persistent) throw unknownAttribute(parameter, name, mbo);
    return { attribute, sign: term.direction === "descending" ? -1 : 1 };
  });
  if (keys.length === 0) return undefined;
  return (a, b) => {
    for (const { attribute, sign } of keys) {
      const order = compareComparable(comparable(attribute, a[attribute.name]), comparable(attribute, b[attribute.name]));
      if (order !== 0) return sign * order;
    }
    return 0;
  };
}
