/**
 * What the extension's parts promise each other. Connections, the response panel, running,
 * history, the schema cache and scripts are built separately and meet only here.
 */
import type { ResponseBody } from "../body/responseBody";
import type * as vscode from "vscode";
import type { ConnectionConfig } from "../connections/types";
import type { Executor } from "../http/executor";
import type { Captured } from "../serverLog/capture";
import type { Environment } from "../variables/envSources";
import type { ResponseMeta } from "../../webview/protocol";

/** A connection from the `maximo.connections` setting. */
export interface ExtensionConnection extends ConnectionConfig {
  /** Status bar colour, e.g. red for production. */
  colour?: string;
  /** Deploy automation scripts on save (refused for read-only connections). */
  deployOnSave?: boolean;
  /** Capture the server's thread log beside every response (reference §23) from the start. */
  serverLog?: boolean;
}

export interface Connections extends vscode.Disposable {
  /** The list or the active connection changed. */
  readonly onDidChange: vscode.Event<void>;
  all(): readonly ExtensionConnection[];
  active(): ExtensionConnection | undefined;
  /**
   * The connection a request uses: `requested` (its `# @connection`), else the active one; with
   * neither, asks the user to pick or add one. Undefined when the user cancels. Throws an Error
   * whose message is a sentence when `requested` names no connection.
   */
  choose(requested?: string): Promise<ExtensionConnection | undefined>;
  /** The connection's executor: created once, reused until its settings or secrets change. */
  executor(connection: ExtensionConnection): Executor;
  /**
   * Before a write (POST, DELETE, BULK, script deploy): a read-only connection asks in a modal
   * dialog saying what would change; true when the write may go ahead (always, for the others).
   */
  confirmWrite(connection: ExtensionConnection, change: string): Promise<boolean>;
  /** Forgets the stored secret so the next use asks again (the error action "Re-enter password"). */
  reenterSecret(connection: ExtensionConnection): Promise<void>;
  /** Every secret value stored or in use (never asks): what must never be shown, e.g. in a hover. */
  secretValues(): Promise<readonly string[]>;
}

/** The environments of `maximo.env.json` (or REST Client's setting) and the one requests use. */
export interface Environments {
  /** The active environment or the environments changed. */
  readonly onDidChange: vscode.Event<void>;
  /** The active environment's name; undefined when only `$shared` applies. */
  active(): string | undefined;
  /**
   * What a request of the document reads: the active environment of its folder over `$shared`.
   * Throws an Error whose message is a sentence when the folder's maximo.env.json is broken.
   */
  forDocument(uri: vscode.Uri): Promise<Environment>;
}

/** One line per event in the "Maximo" output channel; secrets are masked before writing. */
export interface Log {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  show(): void;
}

/**
 * A response as the panel and history hold it: headers redacted, credentials masked. The fields
 * besides the body are the panel page's own `ResponseMeta` (client/webview/protocol.ts).
 */
export interface ResponseModel extends ResponseMeta {
  /** The body (UTF-8 for JSON), in memory or in a file when large; crosses to the webview in parts. */
  body: ResponseBody;
}

/** What the panel's buttons do; absent actions hide their buttons. */
export interface ResponseActions {
  nextPage?(): Promise<void>;
  allPages?(): Promise<void>;
  /** Every page of the response's request to a CSV, XLSX or JSON file (client/src/export/). */
  export?(): Promise<void>;
}

export interface ResponsePresenter extends vscode.Disposable {
  /** Shows a response in the panel (reusing it), replacing what it showed. */
  show(model: ResponseModel, actions?: ResponseActions): void;
  /** A shown response's server-log lines, read after it (undefined: capture gave none); the panel updates when it still shows it. */
  attachServerLog(model: ResponseModel, serverLog: ResponseMeta["serverLog"] | undefined): void;
}

/** Server-log capture per connection (reference §23): the toggle, and a request run with its log lines. */
export interface ServerLogCaptures extends vscode.Disposable {
  /** True when the toggle (or the connection's `serverLog` setting) captures for it. */
  isOn(connection: ExtensionConnection): boolean;
  /** Runs a request of `connection` and returns its result with the thread-log lines it caused. */
  capture<T>(connection: ExtensionConnection, executor: Executor, run: () => Promise<T>, signal?: AbortSignal): Promise<Captured<T>>;
}
