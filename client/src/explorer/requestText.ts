/**
 * The `.maximo` text the explorer writes: a GET of a structure selecting the ticked attributes,
 * the same with a saved query, and what Insert at Cursor types. Values are written readable, as
 * the runner encodes them (README "Query continuation lines"); only `%`, `&`, `#`, braces and
 * control characters are escaped, so the parser reads back exactly the name.
 */
import type { ObjectSchema } from "../../../server/src/schema/types";

/** Rows per page of a generated GET: a first look, not a download (reference §8, `oslc.pageSize`). */
export const DEFAULT_PAGE_SIZE = 20;

export interface RequestTarget {
  /** Lower-case object structure name. */
  structure: string;
  /** Attribute paths from the root (`["wplabor", "laborcode"]`), in the order they were ticked. */
  select: ReadonlyArray<readonly string[]>;
  /** Written as `# @connection NAME` (when it is not the active connection). */
  connection?: string;
}

/** `New Request`: a GET of the structure, lean, selecting what was ticked. */
export function newRequestText(target: RequestTarget): string {
  return requestText(`### ${target.structure}`, target, []);
}

/** `Run Saved Query`: the same GET with `savedQuery=NAME` (case-sensitive, reference §21.2). */
export function savedQueryRequestText(target: RequestTarget, query: string): string {
  // "All" is apimeta's name for the collection itself: its href carries no savedQuery (reference §21.1).
  const extra = query === "All" ? [] : [["savedQuery", query] as const];
  return requestText(`### ${target.structure}: saved query ${oneLine(query)}`, target, extra);
}

function requestText(title: string, target: RequestTarget, extra: ReadonlyArray<readonly [string, string]>): string {
  const lines = [title];
  if (target.connection !== undefined) lines.push(`# @connection ${oneLine(target.connection)}`);
  const path = `os/${encodeURIComponent(target.structure)}`;
  const query: Array<readonly [string, string]> = [...extra, ["lean", "1"]];
  // A value the request line can carry as it is goes there; anything else gets a continuation line.
  const inline = query.filter(([, value]) => /^[A-Za-z0-9_.:-]+$/.test(value));
  const continued = query.filter((pair) => !inline.includes(pair));
  lines.push(`GET ${path}?${inline.map(([key, value]) => `${key}=${value}`).join("&")}`);
  for (const [key, value] of continued) lines.push(`    &${key}=${writtenValue(value)}`);
  lines.push(`    &oslc.select=${selectClause(target.select) || "*"}`);
  lines.push(`    &oslc.pageSize=${DEFAULT_PAGE_SIZE}`);
  return `${lines.join("\n")}\n`;
}

/**
 * `oslc.select` from attribute paths: `wonum`, `status`, `wplabor{laborcode,laborhrs}`; children
 * keep the place of their first ticked attribute (reference §4, selecting child objects).
 */
export function selectClause(paths: ReadonlyArray<readonly string[]>): string {
  interface Level {
    names: Map<string, Level | undefined>;
  }
  const root: Level = { names: new Map() };
  for (const path of paths) {
    let level = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      if (last) {
        if (!level.names.has(segment)) level.names.set(segment, undefined);
        return;
      }
      let next = level.names.get(segment);
      if (!next) {
        next = { names: new Map() };
        level.names.set(segment, next);
      }
      level = next;
    });
  }
  const write = (level: Level): string =>
    [...level.names].map(([name, child]) => (child ? `${name}{${write(child)}}` : name)).join(",");
  return write(root);
}

/**
 * What to select when nothing is ticked: the primary key, then `description` and `status` when
 * the structure has them; undefined without a schema (the caller writes `*`).
 */
export function defaultSelect(schema: ObjectSchema | undefined): string[][] | undefined {
  if (!schema) return undefined;
  const names: string[] = [];
  for (const key of [...schema.pk, "description", "status"]) {
    const attribute = schema.attributes.get(key.toLowerCase());
    if (attribute && !attribute.child && !attribute.childRef && !names.includes(attribute.name)) names.push(attribute.name);
  }
  return names.length > 0 ? names.map((name) => [name]) : undefined;
}

/** What Insert at Cursor types for a structure: `os/NAME` where a request line expects its URL, else the name. */
export function structureInsertion(structure: string, lineBeforeCursor: string): string {
  const wantsUrl = /^\s*$/.test(lineBeforeCursor) || /^\s*[A-Za-z]+\s+$/.test(lineBeforeCursor);
  return wantsUrl ? `os/${structure}` : structure;
}

/** A query value as the `.maximo` parser reads it back exactly (it decodes percent escapes). */
export function writtenValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[%&#{}\x00-\x1f\x7f]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** Server text on a comment or title line stays on that line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]+/g, " ");
}
