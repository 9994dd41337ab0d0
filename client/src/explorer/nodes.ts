/**
 * The explorer tree's nodes: connections → object structures → saved queries, child objects and
 * attributes. Plain data, so the engine and its tests know no VS Code; ids are stable across
 * reloads, so the view keeps what was expanded.
 */
import type { AttributeInfo, SavedQuery } from "../../../server/src/schema/types";

/** Where what a node shows comes from: the connection's cached server schemas, or the shipped pack. */
export type Provenance = "server" | "pack";

/** A connection's part of the tree; `connection` is undefined for the offline pack shown without any connection. */
export interface Scope {
  connection?: string;
  active: boolean;
}

interface NodeBase {
  id: string;
  scope: Scope;
}

export interface ConnectionNode extends NodeBase {
  kind: "connection";
  /** Where its structure list comes from, and how many there are (before the filter). */
  provenance: Provenance;
  count: number;
  /** Why the pack answers for a connection (its cached apimeta is missing or unusable). */
  note?: string;
}

export interface StructureNode extends NodeBase {
  kind: "structure";
  /** Lower case, as requests write it (`os/mxapiwodetail`). */
  name: string;
  description?: string;
  appName?: string;
  savedQueries: SavedQuery[];
  provenance: Provenance;
}

export interface SavedQueriesNode extends NodeBase {
  kind: "savedQueries";
  structure: string;
  queries: SavedQuery[];
}

export interface SavedQueryNode extends NodeBase {
  kind: "savedQuery";
  structure: string;
  query: SavedQuery;
}

/** A child object (`wplabor`): expands like a structure. `path` runs from the root structure to it. */
export interface ChildObjectNode extends NodeBase {
  kind: "childObject";
  structure: string;
  path: string[];
  attribute: AttributeInfo;
  provenance: Provenance;
}

export interface AttributeNode extends NodeBase {
  kind: "attribute";
  structure: string;
  /** From the root structure to the attribute itself: `["wplabor", "laborcode"]`. */
  path: string[];
  attribute: AttributeInfo;
  /** Part of its object's primary key. */
  key: boolean;
  provenance: Provenance;
}

/** A row that explains instead of listing: nothing matches, not cached, from the pack because ... */
export interface MessageNode extends NodeBase {
  kind: "message";
  text: string;
  detail?: string;
  severity: "info" | "warning";
  /** What clicking it does: select its connection, or refresh the active one's schemas (both fetch what is missing). */
  action?: "selectConnection" | "refresh";
}

export type ExplorerNode = ConnectionNode | StructureNode | SavedQueriesNode | SavedQueryNode | ChildObjectNode | AttributeNode | MessageNode;

export function scopeId(scope: Scope): string {
  return scope.connection === undefined ? "pack" : `c:${encodeURIComponent(scope.connection)}`;
}

export function structureId(scope: Scope, structure: string): string {
  return `${scopeId(scope)}/${encodeURIComponent(structure)}`;
}

export function pathId(scope: Scope, structure: string, path: readonly string[]): string {
  return `${structureId(scope, structure)}/${path.map(encodeURIComponent).join(".")}`;
}
