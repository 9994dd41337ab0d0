/**
 * How a node shows in the tree, without VS Code: label, description, icon, menu context and
 * checkbox; the Markdown tooltip separately, built only when the row is hovered (a level of
 * 1,000 attributes must not build 1,000 tooltips). The editor side copies these onto a
 * `vscode.TreeItem`.
 */
import type { AttributeInfo } from "../../../server/src/schema/types";
import type { ExplorerNode, Provenance } from "./nodes";

export interface ItemView {
  id: string;
  label: string;
  description?: string;
  collapsible: "none" | "collapsed" | "expanded";
  /** The `viewItem` of package.json's menus. */
  contextValue: string;
  /** A codicon id. */
  icon: string;
  /** Attribute rows have a checkbox: ticked attributes make New Request's `oslc.select`. */
  checked?: boolean;
  /** A message row's click: select the named connection, or refresh the active one's schemas. */
  action?: { kind: "selectConnection"; connection: string } | { kind: "refresh" };
}

export function itemView(node: ExplorerNode, ticked = false): ItemView {
  switch (node.kind) {
    case "connection": {
      const count = `${node.count} object structure${node.count === 1 ? "" : "s"}`;
      if (node.scope.connection === undefined) {
        return { id: node.id, label: "Offline schema pack", description: `no connection · ${count}`, collapsible: "expanded", contextValue: "connection.pack", icon: "package" };
      }
      const source = node.provenance === "server" ? "server schemas" : "offline pack";
      return {
        id: node.id,
        label: node.scope.connection,
        description: `${node.scope.active ? "active · " : ""}${source} · ${count}`,
        collapsible: node.scope.active ? "expanded" : "collapsed",
        contextValue: "connection",
        icon: node.scope.active ? "vm-active" : "vm-outline",
      };
    }
    case "structure":
      return { id: node.id, label: node.name, description: node.description, collapsible: "collapsed", contextValue: "structure", icon: "symbol-class" };
    case "savedQueries":
      return { id: node.id, label: "Saved queries", description: String(node.queries.length), collapsible: "collapsed", contextValue: "savedQueries", icon: "list-filter" };
    case "savedQuery":
      return { id: node.id, label: node.query.name, description: node.query.title, collapsible: "none", contextValue: "savedQuery", icon: "filter" };
    case "childObject": {
      const attribute = node.attribute;
      const joins = [attribute.objectName, attribute.relation ? `via ${attribute.relation}` : undefined].filter(Boolean).join(" ");
      return { id: node.id, label: attribute.name, description: `child object${joins ? ` · ${joins}` : ""}`, collapsible: "collapsed", contextValue: "childObject", icon: "type-hierarchy-sub" };
    }
    case "attribute":
      return {
        id: node.id,
        label: node.attribute.name,
        description: attributeDescription(node.attribute),
        collapsible: "none",
        contextValue: "attribute",
        icon: node.key ? "key" : "symbol-field",
        checked: ticked,
      };
    case "message":
      return {
        id: node.id,
        label: node.text,
        description: node.detail,
        collapsible: "none",
        contextValue: "message",
        icon: node.severity === "warning" ? "warning" : "info",
        action:
          node.action === "refresh"
            ? { kind: "refresh" }
            : node.action === "selectConnection" && node.scope.connection !== undefined
              ? { kind: "selectConnection", connection: node.scope.connection }
              : undefined,
      };
  }
}

/** The row's Markdown tooltip (server text escaped): title, remarks, facts, and where it comes from. */
export function itemTooltip(node: ExplorerNode): string | undefined {
  const lines = (...parts: Array<string | undefined>) => parts.filter((part): part is string => Boolean(part)).join("\n\n");
  switch (node.kind) {
    case "connection": {
      if (node.scope.connection === undefined) {
        return `The offline schema pack: ${node.count} object structures, built from the local emulator, not from your server. Add a connection to browse your server's object structures.`;
      }
      return lines(
        `**${escapeMarkdown(node.scope.connection)}**${node.scope.active ? " (active connection)" : ""}`,
        provenanceLine(node.provenance, node.scope.connection),
        node.note ? escapeMarkdown(capitalise(node.note)) : undefined,
      );
    }
    case "structure":
      return lines(
        `**${escapeMarkdown(node.name.toUpperCase())}**`,
        node.description ? escapeMarkdown(node.description) : undefined,
        node.appName ? `Application: ${escapeMarkdown(node.appName)}` : undefined,
        node.savedQueries.length > 0 ? `${node.savedQueries.length} saved quer${node.savedQueries.length === 1 ? "y" : "ies"}` : undefined,
        provenanceLine(node.provenance, node.scope.connection),
      );
    case "savedQueries":
      return "The saved queries apimeta lists for this structure (`savedQuery=NAME`, case-sensitive).";
    case "savedQuery":
      return lines(
        `**${escapeMarkdown(node.query.name)}**`,
        node.query.title ? escapeMarkdown(node.query.title) : undefined,
        [node.query.isPublic === false ? "private" : node.query.isPublic ? "public" : undefined, node.query.javaMethod ? "query method" : undefined].filter(Boolean).join(" · ") || undefined,
      );
    case "childObject": {
      const attribute = node.attribute;
      const about = attribute.child?.description ?? attribute.title;
      return lines(`**${escapeMarkdown(node.path.join("."))}**`, about ? escapeMarkdown(about) : undefined, attribute.remarks ? escapeMarkdown(attribute.remarks) : undefined);
    }
    case "attribute":
      return attributeTooltip(node.path, node.attribute, node.key, node.provenance);
    case "message":
      return node.detail ? escapeMarkdown(`${node.text}: ${node.detail}.`) : undefined;
  }
}

/** `UPPER(25) · required · list`: the type Maximo gives, its length, and the flags that matter when writing. */
export function attributeDescription(attribute: AttributeInfo): string {
  const type = attribute.subType ?? attribute.type;
  const size = attribute.maxLength === undefined ? "" : `(${attribute.maxLength}${attribute.scale ? `,${attribute.scale}` : ""})`;
  return [`${type}${size}`, attribute.required ? "required" : undefined, attribute.hasList ? "list" : undefined].filter(Boolean).join(" · ");
}

function attributeTooltip(path: readonly string[], attribute: AttributeInfo, key: boolean, provenance: Provenance): string {
  const facts = [
    `type ${attribute.type}${attribute.subType ? ` (${attribute.subType})` : ""}`,
    attribute.maxLength === undefined ? undefined : `length ${attribute.maxLength}`,
    attribute.scale ? `scale ${attribute.scale}` : undefined,
    attribute.required ? "required" : undefined,
    key ? "primary key" : undefined,
    attribute.hasList ? "has a value list" : undefined,
    attribute.persistent === false ? "not persistent" : undefined,
    attribute.defaultValue === undefined ? undefined : `default ${String(attribute.defaultValue)}`,
  ].filter(Boolean);
  return [
    `**${escapeMarkdown(path.join("."))}**${attribute.title ? ` — ${escapeMarkdown(attribute.title)}` : ""}`,
    attribute.remarks ? escapeMarkdown(attribute.remarks) : undefined,
    escapeMarkdown(facts.join(" · ")),
    provenance === "pack" ? "From the offline pack (built from the emulator, not your server)." : undefined,
  ]
    .filter(Boolean)
    .join("\n\n");
}

function provenanceLine(provenance: Provenance, connection: string | undefined): string {
  return provenance === "server"
    ? `From the server's apimeta and schemas, cached for connection "${escapeMarkdown(connection ?? "")}".`
    : "From the offline schema pack (built from the local emulator, not from your server).";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Server text shown as Markdown: its punctuation stays literal, no link or HTML is made. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (char) => `\\${char}`);
}
