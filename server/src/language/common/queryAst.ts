/**
 * AST pieces shared by the embedded query languages (where, select, orderBy,
 * domaininternalwhere). Every span is in the caller's coordinates once a parser returns.
 */
import type { Span } from "./types";

/**
 * One name as written: `status`, `spi:status`, or an unresolved request-file variable
 * `{{field}}`, which stands for a name we cannot see and is never checked.
 */
export interface NameSegment {
  span: Span;
  /** Exactly as written, prefix included. */
  text: string;
  /** `spi` for `spi:status`; absent for bare names and templates. */
  prefix?: string;
  /** The name without its prefix (`status`); the whole `{{...}}` for a template. */
  name: string;
  /** A `{{...}}` placeholder the request file fills in before sending. */
  template: boolean;
}

/** A dot path through relationships: `location.status`, `rel1.rel2.attr`, or one name. */
export interface NamePath {
  span: Span;
  /** The segments in order; never empty. */
  segments: NameSegment[];
  /** The path as written (`location.status`). */
  text: string;
  /** The path ended with a dot and no name (`location.`). */
  incomplete: boolean;
}
