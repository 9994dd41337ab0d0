/**
 * The JSON tab's tree: which objects and arrays are open, the visible rows (flattened for a
 * virtual list), search over every key and value, paths and values to copy. Expansion is kept by
 * object identity, so a row costs no path string. DOM-free.
 */

export type PathSegment = string | number;
export type ValueKind = "object" | "array" | "string" | "number" | "boolean" | "null";

export interface TreeRow {
  /** The row of the containing object or array; undefined for the root. */
  parent: TreeRow | undefined;
  /** Property name or array index; undefined for the root. */
  key: PathSegment | undefined;
  depth: number;
  value: unknown;
  kind: ValueKind;
  /** Properties or items of an object or array; 0 otherwise. */
  childCount: number;
  expanded: boolean;
  /** Shown instead of the value (a windowed body's record not fetched yet). */
  note?: string;
}

/** Where a tree hangs when it is one record of a larger body (the lazy tree): its root's key, parent and depth. */
export interface TreeBase {
  parent: TreeRow | undefined;
  key: PathSegment | undefined;
  depth: number;
}

export interface SearchResult {
  /** Paths of the first matches, in document order. */
  matches: PathSegment[][];
  /** Every match, including those past the limit. */
  total: number;
}

export function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "object":
      return "object";
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "string";
  }
}

function isContainer(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function childCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return isContainer(value) ? Object.keys(value).length : 0;
}

/** Children as [key, value] pairs in document order. */
function children(value: unknown): Array<[PathSegment, unknown]> {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  return isContainer(value) ? Object.entries(value) : [];
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * A path as a request chain reads it (`member[0].wonum`, `member[0]["spi:wonum"]`), so a copied
 * path pastes into `{{name.response.body.PATH}}`. The root is the empty string.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (identifier.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function pathOf(row: TreeRow): PathSegment[] {
  const path: PathSegment[] = [];
  for (let at: TreeRow | undefined = row; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** The value to copy: a string as it is, anything else as indented JSON. */
export function copyValueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2) ?? "null";
}

const shownStringChars = 2000;

/** How a row writes its value: JSON for scalars (strings cut when very long), a count for containers. */
export function valueText(row: TreeRow): string {
  if (row.note !== undefined) return row.note;
  switch (row.kind) {
    case "object":
      return `{${row.childCount} ${row.childCount === 1 ? "key" : "keys"}}`;
    case "array":
      return `[${row.childCount} ${row.childCount === 1 ? "item" : "items"}]`;
    case "string": {
      const text = JSON.stringify(row.value);
      return text.length > shownStringChars ? `${text.slice(0, shownStringChars)}…` : text;
    }
    default:
      return String(row.value ?? "null");
  }
}

export class JsonTree {
  private readonly expanded = new Set<object>();
  private flat: TreeRow[] | undefined;

  constructor(
    readonly root: unknown,
    private readonly base: TreeBase = { parent: undefined, key: undefined, depth: 0 },
  ) {
    if (isContainer(root)) this.expanded.add(root);
  }

  /** The visible rows: the root, then the children of every open object or array. */
  rows(): TreeRow[] {
    this.flat ??= this.flatten();
    return this.flat;
  }

  isExpanded(value: unknown): boolean {
    return isContainer(value) && this.expanded.has(value);
  }

  toggle(row: TreeRow): void {
    if (!isContainer(row.value)) return;
    if (this.expanded.has(row.value)) this.expanded.delete(row.value);
    else this.expanded.add(row.value);
    this.flat = undefined;
  }

  /**
   * Opens every object and array above `depth` (the root's children are depth 1) and closes the
   * rest, stopping a level early rather than exceed `maxRows`; returns the depth reached.
   */
  expandToDepth(depth: number, maxRows = 1_000_000): number {
    this.expanded.clear();
    this.flat = undefined;
    if (!isContainer(this.root)) return 0;
    let level: object[] = [this.root];
    let rows = 1;
    let reached = 0;
    for (let d = 0; d < depth && level.length > 0; d++) {
      let added = 0;
      for (const container of level) added += childCount(container);
      if (reached > 0 && rows + added > maxRows) break;
      for (const container of level) this.expanded.add(container);
      rows += added;
      reached = d + 1;
      const next: object[] = [];
      for (const container of level) for (const [, child] of children(container)) if (isContainer(child)) next.push(child);
      level = next;
    }
    return reached;
  }

  collapseAll(): void {
    this.expandToDepth(1);
  }

  /** Case-insensitive search over property names and scalar values, whether open or not. */
  search(query: string, limit = 10_000): SearchResult {
    const result: SearchResult = { matches: [], total: 0 };
    const needle = query.toLowerCase();
    if (needle) searchValue(this.root, needle, limit, result);
    return result;
  }

  /** Opens the ancestors of `path`; the index of its row in rows(), or -1 when no such path exists. */
  reveal(path: readonly PathSegment[]): number {
    const containers: unknown[] = [this.root];
    let value: unknown = this.root;
    for (const segment of path) {
      if (!isContainer(value)) return -1;
      if (!this.expanded.has(value)) {
        this.expanded.add(value);
        this.flat = undefined;
      }
      value = (value as Record<PathSegment, unknown>)[segment];
      containers.push(value);
    }
    const rows = this.rows();
    if (path.length === 0) return 0;
    const parent = containers[path.length - 1];
    const key = path[path.length - 1];
    return rows.findIndex((row) => row.depth === this.base.depth + path.length && row.key === key && row.parent?.value === parent);
  }

  private flatten(): TreeRow[] {
    const rows: TreeRow[] = [];
    const visit = (value: unknown, key: PathSegment | undefined, parent: TreeRow | undefined, depth: number): void => {
      const container = isContainer(value);
      const expanded = container && this.expanded.has(value);
      const row: TreeRow = { parent, key, depth, value, kind: kindOf(value), childCount: container ? childCount(value) : 0, expanded };
      rows.push(row);
      if (!expanded) return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) visit(value[i], i, row, depth + 1);
      } else {
        const record = value as Record<string, unknown>;
        for (const name of Object.keys(record)) visit(record[name], name, row, depth + 1);
      }
    };
    visit(this.root, this.base.key, this.base.parent, this.base.depth);
    return rows;
  }
}

/**
 * Adds to `result` every property name and scalar value under `value` that contains `needle`
 * (lower case), in document order: the first `limit` matches' paths, each after `prefix`, and
 * the count of all of them.
 */
export function searchValue(value: unknown, needle: string, limit: number, result: SearchResult, prefix: readonly PathSegment[] = []): void {
  const path: PathSegment[] = [...prefix];
  const visit = (item: unknown, key: PathSegment | undefined): void => {
    const keyHit = typeof key === "string" && key.toLowerCase().includes(needle);
    const valueHit = !isContainer(item) && String(item).toLowerCase().includes(needle);
    if (keyHit || valueHit) {
      if (result.total < limit) result.matches.push(path.slice());
      result.total++;
    }
    if (!isContainer(item)) return;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        path.push(i);
        visit(item[i], i);
        path.pop();
      }
    } else {
      for (const name of Object.keys(item)) {
        path.push(name);
        visit((item as Record<string, unknown>)[name], name);
        path.pop();
      }
    }
  };
  visit(value, prefix.at(-1));
}
