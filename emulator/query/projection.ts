/**
 * Turns a parsed oslc.select into a projection for one object (reference §4.1, §4.1.2): plain
 * attributes, dot paths grouped into nested objects, `rel.x{...}` arrays, object-structure
 * children `child{...}`, `_db...` aggregates on relationships, aliases. Names the server cannot
 * resolve are left out of the output (a real server serialises only what it finds).
 */
import type { NamePath } from "../../server/src/language/common/queryAst";
import type { DatabaseAggregate, SelectClause, SelectItem } from "../../server/src/language/select/ast";
import type { AttributeDef, OsChildDef, RelationshipDef } from "../model/types";
import type { Store } from "../store/store";
import { mboInfo, type OsNode } from "./schema";

export type Field =
  | { kind: "attribute"; attribute: AttributeDef; key: string }
  | { kind: "object"; relation: RelationshipDef; key: string; projection: Projection }
  | { kind: "array"; relation: RelationshipDef; key: string; projection: Projection }
  | { kind: "child"; child: OsChildDef; key: string; projection: Projection }
  | { kind: "dbAggregate"; relation: RelationshipDef; key: string; fn: DatabaseAggregate; attribute?: AttributeDef };

export interface Projection {
  mbo: string;
  /** `*`: all persistent attributes and, in an object structure, the child collection refs. */
  all: boolean;
  fields: Field[];
  /** The OS node whose children `*` links to; empty for related (non-structure) objects. */
  node: OsNode;
}

/** `*` alone: what a member GET without oslc.select shows. */
export function allProjection(node: OsNode): Projection {
  return { mbo: node.mbo, all: true, fields: [], node };
}

export function compileProjection(store: Store, clause: SelectClause, node: OsNode): Projection {
  return build(store, clause.items, node);
}

function build(store: Store, items: SelectItem[], node: OsNode): Projection {
  const projection: Projection = { mbo: node.mbo, all: false, fields: [], node };
  const info = mboInfo(store, node.mbo);
  for (const item of items) {
    switch (item.kind) {
      case "all":
        projection.all = true;
        break;
      case "attribute":
        addPath(store, projection, item.path.segments.map((s) => s.name.toLowerCase()), item.alias?.name?.name);
        break;
      case "child": {
        const name = item.name ? lastName(item.name) : undefined;
        const child = node.children.find((c) => c.name === name);
        if (child) {
          projection.fields.push({ kind: "child", child, key: child.name, projection: build(store, item.items, { mbo: child.mbo, children: child.children }) });
        } else if (name && info.relationships.has(name)) {
          // Outside the structure a braces list reads like the rel notation.
          const relation = info.relationships.get(name) as RelationshipDef;
          projection.fields.push({ kind: "array", relation, key: name, projection: build(store, item.items, { mbo: relation.target, children: [] }) });
        }
        break;
      }
      case "relation": {
        const relation = info.relationships.get(item.relation.name.toLowerCase());
        if (relation) {
          projection.fields.push({
            kind: "array",
            relation,
            key: relation.name,
            projection: build(store, item.items, { mbo: relation.target, children: [] }),
          });
        }
        break;
      }
      case "aggregate": {
        const relation = info.relationships.get(item.relation.name.toLowerCase());
        if (!relation) break;
        const attribute = item.attribute ? mboInfo(store, relation.target).attributes.get(item.attribute.name.toLowerCase()) : undefined;
        if (item.attribute && !attribute) break;
        projection.fields.push({ kind: "dbAggregate", relation, key: relation.name, fn: item.function, ...(attribute ? { attribute } : {}) });
        break;
      }
      default:
        // Formulas (`exp.x`) and gbcols aggregations have nothing to show here.
        break;
    }
  }
  markClashes(projection);
  return projection;
}

function lastName(path: NamePath): string {
  return path.segments[path.segments.length - 1].name.toLowerCase();
}

/** Adds `a`, or `rel1.rel2.a` into nested object fields that merge per relationship. */
function addPath(store: Store, projection: Projection, names: string[], alias: string | undefined): void {
  const info = mboInfo(store, projection.mbo);
  if (names.length === 1) {
    const attribute = info.attributes.get(names[0]);
    if (attribute && !projection.fields.some((f) => f.kind === "attribute" && f.attribute === attribute && !alias)) {
      projection.fields.push({ kind: "attribute", attribute, key: alias ?? attribute.name });
    }
    return;
  }
  const relation = info.relationships.get(names[0]);
  if (!relation) return;
  let field = projection.fields.find((f): f is Extract<Field, { kind: "object" }> => f.kind === "object" && f.relation === relation);
  if (!field) {
    field = { kind: "object", relation, key: relation.name, projection: { mbo: relation.target, all: false, fields: [], node: { mbo: relation.target, children: [] } } };
    projection.fields.push(field);
  }
  addPath(store, field.projection, names.slice(1), alias);
  markClashes(field.projection);
}

/** Reference §4.1.2: an attribute named like a relation or object in the same JSON object is renamed `$alias_this_attr$name`. */
function markClashes(projection: Projection): void {
  const objectKeys = new Set(projection.fields.filter((f) => f.kind !== "attribute").map((f) => f.key));
  for (const field of projection.fields) {
    if (field.kind === "attribute" && field.key === field.attribute.name && objectKeys.has(field.key)) {
      field.key = `$alias_this_attr$${field.key}`;
    }
  }
}
