/**
 * "Try Maximo Workbench on the Local Emulator": starts the shipped emulator on a free loopback
 * port, adds (or repoints) the "Local emulator" connection with a fresh API key in SecretStorage,
 * selects it, and opens the example requests. The emulator stops with the window, and the
 * connection entry goes with it.
 */
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { ConnectionManager } from "../connections/index";
import { reportFailure } from "../connections/connectionCommands";
import type { Log } from "../contracts";
import { copyExamples } from "../../localEmulator/exampleFiles";
import { startLocalEmulator, type LocalEmulator } from "../../localEmulator/emulatorChild";
import { LOCAL_CONNECTION_NAME, LOCAL_EMULATOR_COMMANDS } from "./commandIds";

export function registerLocalEmulator(context: vscode.ExtensionContext, connections: ConnectionManager, log: Log): vscode.Disposable {
  const controller = new LocalEmulatorController(context, connections, log);
  return vscode.Disposable.from(
    controller,
    vscode.commands.registerCommand(LOCAL_EMULATOR_COMMANDS.tryLocal, () => reportFailure(controller.tryIt(), log)),
    vscode.commands.registerCommand(LOCAL_EMULATOR_COMMANDS.stop, () => reportFailure(controller.stop(), log)),
  );
}

/** The running emulator and the API key it was started with (kept only in memory and SecretStorage). */
interface Running {
  emulator: LocalEmulator;
  apikey: string;
}

class LocalEmulatorController implements vscode.Disposable {
  private running?: Promise<Running>;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connections: ConnectionManager,
    private readonly log: Log,
  ) {}

  /** Starts (or reuses) the emulator, points the connection at it and opens the examples; returns its URL. */
  async tryIt(): Promise<string> {
    const running = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "Maximo: starting the local emulator…" },
      () => (this.running ??= this.start()),
    );
    await this.pointConnectionAt(running);
    const files = await copyExamples(
      vscode.Uri.joinPath(this.context.extensionUri, "examples").fsPath,
      vscode.Uri.joinPath(this.context.globalStorageUri, "local-emulator-examples").fsPath,
    );
    const first = files[0];
    if (first) await vscode.window.showTextDocument(vscode.Uri.file(first), { preview: false });
    const url = running.emulator.url;
    void vscode.window
      .showInformationMessage(
        `The local emulator runs at ${url} until this window closes. Click Send above a request; Ctrl+Alt+D in scripts/MXWB_GREETING.py deploys a script.`,
        "Stop Emulator",
      )
      .then((action) => (action ? this.stop() : undefined));
    return url;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    const stopped = await running.catch(() => undefined);
    await stopped?.emulator.stop();
    this.log.info("local emulator stopped");
    if (this.connections.all().some((connection) => connection.name === LOCAL_CONNECTION_NAME)) await this.connections.remove(LOCAL_CONNECTION_NAME);
  }

  dispose(): void {
    // Best effort at window close: the process ends for sure; the setting entry if VS Code lets us.
    void this.stop();
  }

  private async start(): Promise<Running> {
    const script = vscode.Uri.joinPath(this.context.extensionUri, "dist", "emulator.js").fsPath;
    const apikey = randomBytes(24).toString("base64url");
    try {
      const emulator = await startLocalEmulator(script, { apikey });
      emulator.onUnexpectedExit((code) => {
        this.running = undefined;
        this.log.warn(`the local emulator exited (code ${code}); run "Try Maximo Workbench on the Local Emulator" to start it again`);
      });
      this.log.info(`local emulator listening at ${emulator.url}`);
      return { emulator, apikey };
    } catch (error) {
      this.running = undefined;
      throw error;
    }
  }

  private async pointConnectionAt({ emulator, apikey }: Running): Promise<void> {
    const existing = this.connections.all().find((connection) => connection.name === LOCAL_CONNECTION_NAME);
    if (!existing) await this.connections.add({ name: LOCAL_CONNECTION_NAME, url: emulator.url, apiRoot: "oslc", auth: "apikey", colour: "#3a7d44" });
    else if (existing.url !== emulator.url) await this.connections.update(LOCAL_CONNECTION_NAME, "url", emulator.url);
    const connection = this.connections.all().find((c) => c.name === LOCAL_CONNECTION_NAME);
    if (!connection) throw new Error(`The "${LOCAL_CONNECTION_NAME}" connection could not be written to the settings; check the "maximo.connections" setting.`);
    await this.connections.storeSecret(connection, apikey);
    await this.connections.setActive(LOCAL_CONNECTION_NAME);
  }
}
