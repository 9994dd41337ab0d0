/**
 * The part of `oslc.select` that shapes a JSON schema (JSON API reference §10):
 * `wonum,status,invreserve{*}` keeps two attributes and inlines one child; `*` keeps
 * everything and inlines every child. Dotted paths (`asset.assetnum`) name related objects,
 * which an object structure schema does not carry, so they are dropped.
 */
export interface SchemaSelect {
  /** `*` given: every attribute, every child inlined. */
  all: boolean;
  /** Attribute names and children without braces. */
  names: Set<string>;
  /** Children with a nested clause, inlined with that clause. */
  nested: Map<string, SchemaSelect>;
}

export function parseSchemaSelect(text: string): SchemaSelect {
  const select: SchemaSelect = { all: false, names: new Set(), nested: new Map() };
  for (const term of splitTopLevel(text)) {
    const brace = term.indexOf("{");
    if (brace >= 0) {
      const name = term.slice(0, brace).trim().toLowerCase();
      const inner = term.slice(brace + 1, term.lastIndexOf("}") > brace ? term.lastIndexOf("}") : term.length);
      if (name) select.nested.set(name, parseSchemaSelect(inner));
    } else if (term === "*") {
      select.all = true;
    } else if (term && !term.includes(".")) {
      select.names.add(term.replace(/^spi:/i, "").toLowerCase());
    }
  }
  return select;
}

function splitTopLevel(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "{") depth++;
    if (ch === "}") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      terms.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  terms.push(current.trim());
  return terms.filter((t) => t.length > 0);
}
