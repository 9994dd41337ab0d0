/**
 * What the os/ dispatcher (resources/osRoutes.ts) resolves a path to before it calls the query,
 * write and attachment handlers.
 */
import type { ObjectStructureDef, Row } from "../model/types";

/** One record: a root member (`os/mxapiwodetail/{id}`) or a child reached through it. */
export interface MemberTarget {
  /** The object structure the request named. */
  os: ObjectStructureDef;
  /** The business object of `row` (`workorder`, or `labtrans` for a child). */
  mbo: string;
  row: Row;
  /** Absolute href of this record (`http://127.0.0.1:P/maximo/oslc/os/mxapiwodetail/_V08xMDAx`). */
  href: string;
  /** The record this one was reached from, for children and relation traversal. */
  parent?: MemberTarget;
}

/** A set of records: a whole object structure, or a relation traversed from a member. */
export interface CollectionTarget {
  /** The object structure the rows are rendered as; undefined for a bare MBO set reached by relation. */
  os?: ObjectStructureDef;
  mbo: string;
  /** The rows before any query parameter is applied. */
  base(): readonly Row[];
  /** Absolute href of the collection (no query string). */
  href: string;
  /**
   * Members' hrefs: the collection href + `/` + rest id, unless a parent anchors them.
   * `position` is the row's 0-based place in the whole (filtered, ordered) result.
   */
  memberHref(row: Row, position: number): string;
}
