/**
 * Lookups the query code repeats on every request, built once per object definition: attributes
 * and relationships by name, the persistent attribute list, and object-structure nodes.
 */
import type { AttributeDef, MboDef, ObjectStructureDef, OsChildDef, RelationshipDef } from "../model/types";
import type { Store } from "../store/store";
import type { MemberTarget } from "../resources/targets";

export interface MboInfo {
  def: MboDef;
  attributes: Map<string, AttributeDef>;
  relationships: Map<string, RelationshipDef>;
  persistent: AttributeDef[];
}

const infos = new WeakMap<MboDef, MboInfo>();

export function mboInfo(store: Store, mbo: string): MboInfo {
  const def = store.mbo(mbo);
  let info = infos.get(def);
  if (!info) {
    info = {
      def,
      attributes: new Map(def.attributes.map((a) => [a.name, a])),
      relationships: new Map(def.relationships.map((r) => [r.name, r])),
      persistent: def.attributes.filter((a) => a.persistent),
    };
    infos.set(def, info);
  }
  return info;
}

/** Where a record sits in an object structure: its object and the child objects below it. */
export interface OsNode {
  mbo: string;
  children: OsChildDef[];
}

export function rootNode(os: ObjectStructureDef | undefined, mbo: string): OsNode {
  return os && os.mbo === mbo ? { mbo, children: os.children } : { mbo, children: [] };
}

/** The node of a member: a root record, a child reached through its parent, or a bare object (no children). */
export function memberNode(target: MemberTarget): OsNode {
  if (!target.parent) return rootNode(target.os, target.mbo);
  const parent = memberNode(target.parent);
  const child = parent.children.find((c) => c.mbo === target.mbo);
  return child ? { mbo: child.mbo, children: child.children } : { mbo: target.mbo, children: [] };
}
