/**
 * Server-log capture in VS Code (reference §23): which connections capture (the "Capture server
 * log" toggle, remembered per workspace, or the connection's `serverLog` setting), one capture
 * engine per executor, and the status bar state. Logging is turned off on the server when capture
 * is toggled off, when a connection's executor is replaced, and when the extension stops.
 */
import * as vscode from "vscode";
import type { Executor } from "../../http/executor";
import type { Captured, ServerLogCapture } from "../../serverLog/capture";
import type { Connections, ExtensionConnection, Log, ServerLogCaptures } from "../contracts";
import { SERVER_LOG_COMMANDS } from "./commandIds";

const TOGGLED_KEY = "maximo.serverLog.toggled";

export class ServerLogController implements ServerLogCaptures {
  private readonly item = vscode.window.createStatusBarItem("maximo.serverLog", vscode.StatusBarAlignment.Left, 49);
  private readonly captures = new Map<string, { executor: Executor; capture: ServerLogCapture }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connections: Connections,
    private readonly log: Log,
  ) {
    this.item.name = "Maximo Server Log";
    this.item.command = SERVER_LOG_COMMANDS.toggle;
    this.disposables.push(
      this.item,
      connections.onDidChange(() => this.render()),
      vscode.commands.registerCommand(SERVER_LOG_COMMANDS.toggle, (name?: unknown) => this.toggle(typeof name === "string" ? name : undefined)),
    );
    this.render();
  }

  isOn(connection: ExtensionConnection): boolean {
    const toggled = this.context.workspaceState.get<Record<string, boolean>>(TOGGLED_KEY, {});
    return toggled[connection.name] ?? connection.serverLog ?? false;
  }

  async capture<T>(connection: ExtensionConnection, executor: Executor, run: () => Promise<T>, signal?: AbortSignal): Promise<Captured<T>> {
    const capture = await this.captureFor(connection, executor);
    return capture.capture(run, signal);
  }

  /** Turns capture on or off for a connection (the active one by default). */
  async toggle(name?: string): Promise<boolean | undefined> {
    const connection = name ? this.connections.all().find((c) => c.name === name) : this.connections.active();
    if (!connection) {
      void vscode.window.showWarningMessage("Select a Maximo connection first; server log capture is set per connection.");
      return undefined;
    }
    const on = !this.isOn(connection);
    const toggled = { ...this.context.workspaceState.get<Record<string, boolean>>(TOGGLED_KEY, {}), [connection.name]: on };
    await this.context.workspaceState.update(TOGGLED_KEY, toggled);
    if (!on) await this.stop(connection.name);
    this.log.info(`server log capture ${on ? "on" : "off"} for ${connection.name}`);
    void vscode.window.setStatusBarMessage(`Maximo: server log capture ${on ? "on" : "off"} for ${connection.name}`, 4000);
    this.render();
    return on;
  }

  dispose(): void {
    // Never leave thread logging on: best effort when the window closes.
    for (const name of [...this.captures.keys()]) void this.stop(name);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private async captureFor(connection: ExtensionConnection, executor: Executor): Promise<ServerLogCapture> {
    const held = this.captures.get(connection.name);
    if (held && held.executor === executor) return held.capture;
    // The executor was replaced (settings or secret changed): the old session's logging goes off.
    if (held) void held.capture.stop();
    const { ServerLogCapture } = await import("../../serverLog/capture");
    const capture = new ServerLogCapture(executor, {
      log: (line) => this.log.info(line),
      onRefused: (sentence) => {
        void vscode.window.showWarningMessage(sentence);
        void this.switchOff(connection.name);
      },
    });
    this.captures.set(connection.name, { executor, capture });
    return capture;
  }

  /** A refusal switches capture off for the connection: nothing was turned on to turn off. */
  private async switchOff(name: string): Promise<void> {
    this.captures.delete(name);
    const toggled = { ...this.context.workspaceState.get<Record<string, boolean>>(TOGGLED_KEY, {}), [name]: false };
    await this.context.workspaceState.update(TOGGLED_KEY, toggled);
    this.render();
  }

  private async stop(name: string): Promise<void> {
    const held = this.captures.get(name);
    this.captures.delete(name);
    await held?.capture.stop();
  }

  private render(): void {
    const connection = this.connections.active();
    if (!connection || !this.isOn(connection)) {
      this.item.hide();
      return;
    }
    this.item.text = "$(output) Server log";
    this.item.tooltip = `Capturing ${connection.name}'s thread log (sql, oslc, integration, script) beside every response. Click to turn it off.`;
    this.item.show();
  }
}
