/**
 * The explorer's tree model, VS Code-free: the children of a node (one level at a time), the
 * structure filter, the ticked attributes, and the request text the actions write. Knowledge
 * comes from a connection's cache folder (the server's apimeta and jsonschemas) or, without it,
 * from the shipped pack, and every level says which.
 */
import type { ApiMetaEntry, ObjectSchema } from "../../../server/src/schema/types";
import {
  pathId,
  scopeId,
  structureId,
  type AttributeNode,
  type ChildObjectNode,
  type ConnectionNode,
  type ExplorerNode,
  type MessageNode,
  type Provenance,
  type Scope,
  type StructureNode,
} from "./nodes";
import { defaultSelect, newRequestText, savedQueryRequestText, type RequestTarget } from "./requestText";
import { nodeExplorerFiles, SchemaSource, type ExplorerFiles } from "./schemaSource";
import { structureFilter, type StructureFilter } from "./structureFilter";

export interface ExplorerConnection {
  name: string;
  active: boolean;
  /** The connection's schema cache folder (`apimeta.json`, `jsonschemas/`). */
  folder: string;
}

export type FetchResult = { ok: true } | { ok: false; reason: string };

export interface ExplorerHost {
  /** `maximo.connections`, in settings order. */
  connections(): ExplorerConnection[];
  /** The shipped offline pack (`server/schema-pack`). */
  packDir: string;
  files?: ExplorerFiles;
  /**
   * Fetches one structure's schema into the active connection's cache folder (through the
   * schema cache, which also tells the language server). Called when a structure is expanded
   * and its schema is not cached.
   */
  fetchSchema?(connection: string, structure: string): Promise<FetchResult>;
}

/** A structure's schema and where it came from; `note` says why the pack answers or nothing does. */
export interface SchemaAnswer {
  schema?: ObjectSchema;
  provenance: Provenance;
  file?: string;
  note?: string;
}

interface StructureList {
  entries: ApiMetaEntry[];
  provenance: Provenance;
  note?: string;
}

const PACK_NOTE = "the offline pack is built from the local emulator, not from your server";

export class ExplorerModel {
  private filter: StructureFilter = structureFilter("");
  private pack: SchemaSource;
  private readonly caches = new Map<string, SchemaSource>();
  /** Ticked attribute paths per structure (by structure id), in the order they were ticked. */
  private readonly ticks = new Map<string, string[][]>();

  constructor(private readonly host: ExplorerHost) {
    this.pack = new SchemaSource(host.packDir, this.files);
  }

  /** Forgets every file read: the next question reads the folders again (after a refresh). */
  reload(): void {
    this.pack = new SchemaSource(this.host.packDir, this.files);
    this.caches.clear();
  }

  get filterText(): string {
    return this.filter.text;
  }

  setFilter(text: string): void {
    this.filter = structureFilter(text);
  }

  /** The children of `node`, or the roots: one level, built from at most one schema file read. */
  async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case "connection":
        return this.structureNodes(node);
      case "structure":
        return this.structureChildren(node);
      case "savedQueries":
        return node.queries.map((query) => ({
          kind: "savedQuery",
          id: `${structureId(node.scope, node.structure)}/?q=${encodeURIComponent(query.name)}`,
          scope: node.scope,
          structure: node.structure,
          query,
        }));
      case "childObject":
        return this.childObjectChildren(node);
      case "savedQuery":
      case "attribute":
      case "message":
        return [];
    }
  }

  /** The connections, the active one first; the offline pack alone when there is none. */
  async roots(): Promise<ConnectionNode[]> {
    const connections = this.host.connections();
    const scopes: Scope[] =
      connections.length === 0
        ? [{ active: true }]
        : [...connections.filter((c) => c.active), ...connections.filter((c) => !c.active)].map((c) => ({ connection: c.name, active: c.active }));
    return Promise.all(
      scopes.map(async (scope) => {
        const list = await this.structureList(scope);
        return { kind: "connection", id: scopeId(scope), scope, provenance: list.provenance, count: list.entries.length, note: list.note };
      }),
    );
  }

  /** What the structure's schema is, from the cache, a fetch (if allowed), or the pack. */
  async schemaFor(scope: Scope, structure: string, options: { fetch: boolean }): Promise<SchemaAnswer> {
    const cache = this.cacheOf(scope);
    let note: string | undefined;
    if (cache) {
      let read = await cache.schema(structure);
      if (!read.ok && read.missing && options.fetch && scope.active && scope.connection !== undefined && this.host.fetchSchema) {
        const fetched = await this.host.fetchSchema(scope.connection, structure);
        cache.forget(structure);
        read = await cache.schema(structure);
        if (!fetched.ok) note = `the server's schema was not fetched: ${fetched.reason}`;
      }
      if (read.ok) return { schema: read.value, provenance: "server", file: cache.schemaFile(structure) };
      note ??= read.missing
        ? scope.active
          ? "the server's schema is not cached; Refresh fetches it"
          : "the server's schema is not cached; select the connection to fetch it"
        : `the cached schema is unusable (${read.reason})`;
    }
    const packed = await this.pack.schema(structure);
    if (packed.ok) return { schema: packed.value, provenance: "pack", file: this.pack.schemaFile(structure), note };
    return { provenance: "pack", note: note ?? `the offline pack has no schema for ${structure}` };
  }

  // --- ticked attributes -------------------------------------------------------------------

  isTicked(node: AttributeNode): boolean {
    const key = node.path.join("\u0000");
    return (this.ticks.get(structureId(node.scope, node.structure)) ?? []).some((path) => path.join("\u0000") === key);
  }

  setTicked(node: AttributeNode, ticked: boolean): void {
    const id = structureId(node.scope, node.structure);
    const key = node.path.join("\u0000");
    const paths = (this.ticks.get(id) ?? []).filter((path) => path.join("\u0000") !== key);
    if (ticked) paths.push([...node.path]);
    if (paths.length > 0) this.ticks.set(id, paths);
    else this.ticks.delete(id);
  }

  tickedPaths(scope: Scope, structure: string): string[][] {
    return (this.ticks.get(structureId(scope, structure)) ?? []).map((path) => [...path]);
  }

  // --- the actions' text ---------------------------------------------------------------------

  /** New Request: a GET of the node's structure selecting the ticked attributes (else a default). */
  async newRequest(node: StructureScoped): Promise<string> {
    return newRequestText(await this.requestTarget(node.scope, structureOf(node)));
  }

  /** Run Saved Query: the GET with `savedQuery=NAME`, selecting as New Request does. */
  async savedQueryRequest(node: Extract<ExplorerNode, { kind: "savedQuery" }>): Promise<string> {
    return savedQueryRequestText(await this.requestTarget(node.scope, node.structure), node.query.name);
  }

  private async requestTarget(scope: Scope, structure: string): Promise<RequestTarget> {
    let select: string[][] = this.tickedPaths(scope, structure);
    if (select.length === 0) select = defaultSelect((await this.schemaFor(scope, structure, { fetch: false })).schema) ?? [];
    return { structure, select, connection: scope.connection !== undefined && !scope.active ? scope.connection : undefined };
  }

  // --- levels ---------------------------------------------------------------------------------

  private async structureNodes(node: ConnectionNode): Promise<ExplorerNode[]> {
    const list = await this.structureList(node.scope);
    const nodes: ExplorerNode[] = [];
    if (list.note) nodes.push(this.message(node.scope, `${scopeId(node.scope)}/!source`, "From the offline pack", list.note, "info", true));
    for (const entry of list.entries) {
      if (!this.filter.matches(entry)) continue;
      nodes.push({
        kind: "structure",
        id: structureId(node.scope, entry.name),
        scope: node.scope,
        name: entry.name,
        description: entry.description,
        appName: entry.appName,
        savedQueries: entry.savedQueries,
        provenance: list.provenance,
      });
    }
    if (nodes.every((n) => n.kind !== "structure")) {
      const text = this.filter.text ? `No object structure matches "${this.filter.text}"` : "No object structures";
      nodes.push(this.message(node.scope, `${scopeId(node.scope)}/!empty`, text, this.filter.text ? "clear the filter to see all" : undefined, "info"));
    }
    return nodes;
  }

  private async structureChildren(node: StructureNode): Promise<ExplorerNode[]> {
    const answer = await this.schemaFor(node.scope, node.name, { fetch: true });
    const nodes: ExplorerNode[] = [];
    const base = structureId(node.scope, node.name);
    if (answer.schema && answer.provenance === "pack" && node.scope.connection !== undefined) {
      nodes.push(this.message(node.scope, `${base}/!source`, "From the offline pack", answer.note ? `${answer.note}; ${PACK_NOTE}` : PACK_NOTE, "info", true));
    }
    if (node.savedQueries.length > 0) {
      nodes.push({ kind: "savedQueries", id: `${base}/?queries`, scope: node.scope, structure: node.name, queries: node.savedQueries });
    }
    if (!answer.schema) {
      const text = node.scope.active ? "Schema not available" : "Not cached — select the connection to fetch";
      nodes.push(this.message(node.scope, `${base}/!missing`, text, answer.note, node.scope.active ? "warning" : "info", true));
      return nodes;
    }
    nodes.push(...levelNodes(node.scope, node.name, [], answer.schema, answer.provenance));
    return nodes;
  }

  private async childObjectChildren(node: ChildObjectNode): Promise<ExplorerNode[]> {
    const schema = node.attribute.child;
    if (!schema) {
      const where = node.attribute.childRef ? ` (it links to ${node.attribute.childRef})` : "";
      return [this.message(node.scope, `${node.id}/!ref`, "Schema not inlined", `the structure's schema does not include this child object${where}`, "info")];
    }
    return levelNodes(node.scope, node.structure, node.path, schema, node.provenance);
  }

  private async structureList(scope: Scope): Promise<StructureList> {
    const cache = this.cacheOf(scope);
    let note: string | undefined;
    if (cache) {
      const read = await cache.apimeta();
      if (read.ok) return { entries: sortedEntries(read.value), provenance: "server" };
      note = read.missing
        ? `the server's apimeta is not cached yet; ${scope.active ? "Refresh fetches it" : "select the connection to fetch it"}`
        : `the cached apimeta is unusable (${read.reason})`;
      note += `; ${PACK_NOTE}`;
    }
    const packed = await this.pack.apimeta();
    return { entries: packed.ok ? sortedEntries(packed.value) : [], provenance: "pack", note };
  }

  private cacheOf(scope: Scope): SchemaSource | undefined {
    if (scope.connection === undefined) return undefined;
    const connection = this.host.connections().find((c) => c.name === scope.connection);
    if (!connection) return undefined;
    let source = this.caches.get(connection.folder);
    if (!source) {
      source = new SchemaSource(connection.folder, this.files);
      this.caches.set(connection.folder, source);
    }
    return source;
  }

  /** With `fetches`, clicking the row fetches: selecting the connection, or refreshing it when it is the active one. */
  private message(scope: Scope, id: string, text: string, detail: string | undefined, severity: MessageNode["severity"], fetches = false): MessageNode {
    const action = !fetches || scope.connection === undefined ? undefined : scope.active ? "refresh" : "selectConnection";
    return { kind: "message", id, scope, text, detail, severity, action };
  }

  private get files(): ExplorerFiles {
    return this.host.files ?? nodeExplorerFiles;
  }
}

/** The nodes that belong to one structure (all but connections and messages). */
export type StructureScoped = Exclude<ExplorerNode, ConnectionNode | MessageNode>;

export function structureOf(node: StructureScoped): string {
  return node.kind === "structure" ? node.name : node.structure;
}

function sortedEntries(entries: ApiMetaEntry[]): ApiMetaEntry[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One object's level: child objects first, then attributes, each by name. Builds nodes only for this level. */
function levelNodes(scope: Scope, structure: string, basePath: readonly string[], schema: ObjectSchema, provenance: Provenance): ExplorerNode[] {
  const keys = new Set(schema.pk.map((key) => key.toLowerCase()));
  const children: ChildObjectNode[] = [];
  const attributes: AttributeNode[] = [];
  for (const attribute of schema.attributes.values()) {
    const path = [...basePath, attribute.name];
    const id = pathId(scope, structure, path);
    if (attribute.child || attribute.childRef) children.push({ kind: "childObject", id, scope, structure, path, attribute, provenance });
    else attributes.push({ kind: "attribute", id, scope, structure, path, attribute, key: keys.has(attribute.name.toLowerCase()), provenance });
  }
  const byName = (a: { attribute: { name: string } }, b: { attribute: { name: string } }) => (a.attribute.name < b.attribute.name ? -1 : a.attribute.name > b.attribute.name ? 1 : 0);
  return [...children.sort(byName), ...attributes.sort(byName)];
}
