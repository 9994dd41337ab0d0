/** What the status bar item says for the active connection (the glue in statusBar.ts shows it). */
import { apiRootUrl } from "../../connections/types";
import type { ExtensionConnection } from "../contracts";

export interface StatusPresentation {
  text: string;
  tooltip: string;
  /** A theme colour or `#rrggbb`; undefined keeps the default. */
  colour?: string;
}

export const READ_ONLY_MARKER = "$(lock)";

export function statusPresentation(connection: ExtensionConnection | undefined, configured: number): StatusPresentation {
  if (!connection) {
    return {
      text: "$(plug) Maximo: no connection",
      tooltip: configured === 0 ? "No Maximo connection yet: click to add one." : "No Maximo connection selected: click to choose one.",
    };
  }
  const readOnly = connection.readOnly === true;
  return {
    text: `$(plug) ${connection.name}${readOnly ? ` ${READ_ONLY_MARKER}` : ""}`,
    tooltip:
      `Maximo connection "${connection.name}": ${apiRootUrl(connection)} (${connection.auth})` +
      `${readOnly ? ", read-only: asks before every write" : ""}. Click to switch.`,
    ...(connection.colour ? { colour: connection.colour } : {}),
  };
}
