/**
 * Which connection a request uses: its `# @connection`, else the one selected in this workspace,
 * else the `maximo.defaultConnection` setting, else the only one configured.
 */
import type { ExtensionConnection } from "../contracts";

export function activeConnection(
  connections: readonly ExtensionConnection[],
  selected: string | undefined,
  defaultName: string | undefined,
): ExtensionConnection | undefined {
  const byName = (name: string | undefined) => (name ? connections.find((c) => c.name === name) : undefined);
  return byName(selected) ?? byName(defaultName) ?? (connections.length === 1 ? connections[0] : undefined);
}

/** The connection `# @connection NAME` names; throws an Error whose message is a sentence listing the known names. */
export function requestedConnection(connections: readonly ExtensionConnection[], requested: string): ExtensionConnection {
  const name = requested.trim();
  const exact = connections.find((c) => c.name === name);
  if (exact) return exact;
  // Names are matched exactly; a case-only difference is still unambiguous enough to accept.
  const folded = connections.filter((c) => c.name.toLowerCase() === name.toLowerCase());
  if (folded.length === 1) return folded[0]!;
  const known = connections.map((c) => `"${c.name}"`).join(", ");
  throw new Error(
    connections.length === 0
      ? `The request asks for connection "${name}", but no connections are configured; run "Maximo: Add Connection" to add it.`
      : `The request asks for connection "${name}", which is not in the "maximo.connections" setting; known connections: ${known}. Fix the # @connection line or add the connection.`,
  );
}
