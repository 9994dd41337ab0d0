/**
 * A failed run as a sentence and the actions that help: the message names what failed, the
 * actions are the next step (Open settings, Re-enter password, Show log, Go to line).
 */
import { TransportError } from "../../http/types";
import { VariableError } from "../../variables/index";

export type FailureAction = "openSettings" | "reenterSecret" | "showLog" | "goToLine" | "editConnection";

export interface FailureAdvice {
  message: string;
  actions: FailureAction[];
  /** True for a user's own cancel: shown quietly. */
  cancelled?: boolean;
  /** For goToLine: the 1-based line in the request file. */
  line?: number;
}

/** Advice for an error thrown while resolving or sending a request. */
export function adviseError(error: unknown, connectionName: string | undefined): FailureAdvice {
  if (error instanceof VariableError) return { message: error.message, actions: ["goToLine"], line: error.line };
  if (error instanceof TransportError) {
    switch (error.kind) {
      case "cancelled":
        return { message: "Request cancelled.", actions: [], cancelled: true };
      case "timeout":
        return { message: `${error.message} Raise "maximo.request.timeoutMs" or add "# @timeout" to the request if the server is just slow.`, actions: ["openSettings", "showLog"] };
      case "connect":
        return { message: `${error.message} Check the URL of connection "${connectionName ?? "?"}".`, actions: ["editConnection", "showLog"] };
      case "tls":
        return { message: `${error.message} Give the connection a CA file ("caFile") for a private certificate authority.`, actions: ["editConnection", "showLog"] };
      default:
        return { message: error.message, actions: ["showLog"] };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/no connection|connection ".*" is not|unknown connection|maximo\.connections/i.test(message)) return { message, actions: ["openSettings"] };
  if (/password|api ?key|secret|credential/i.test(message) && /missing|no |not set|empty/i.test(message)) return { message, actions: ["reenterSecret", "showLog"] };
  return { message, actions: ["showLog"] };
}

/** Advice for a response whose status says the credentials were refused, else undefined. */
export function adviseStatus(status: number, connectionName: string, reasonCode?: string): FailureAdvice | undefined {
  if (status === 401) {
    return { message: `The server refused the credentials of connection "${connectionName}" (HTTP 401${reasonCode ? `, ${reasonCode}` : ""}).`, actions: ["reenterSecret", "showLog"] };
  }
  if (status === 403) {
    return { message: `Connection "${connectionName}" is signed in but may not do this (HTTP 403${reasonCode ? `, ${reasonCode}` : ""}); ask for the object structure's security grant.`, actions: ["showLog"] };
  }
  return undefined;
}
