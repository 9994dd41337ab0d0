// Entry point of the extension host side: wiring only. Each part registers its own commands.
import { bundleStartedAt } from "./extension/loadClock";
import type { ExtensionContext } from "vscode";
import type { Connections, ResponsePresenter } from "./extension/contracts";
import { createConnections } from "./extension/connections/index";
import { createEnvironments } from "./extension/environments/index";
import { registerImport } from "./extension/import/index";
import { createOutputLog } from "./extension/log";
import { ResponsePanel } from "./extension/response/responsePanel";
import { registerRequests } from "./extension/run/index";
import { MaximoLanguageClient } from "./language/languageClient";
import { registerScripts } from "./extension/scripts/index";
import { registerLocalEmulator } from "./extension/localEmulator/index";
import { registerHttpFiles } from "./extension/httpFiles/index";
import { createSchemaCache, type SchemaCacheController } from "./extension/schemaCache/index";
import { ServerLogController } from "./extension/serverLog/serverLogCaptures";
import { registerExplorer } from "./extension/explorer/index";
import { registerLoad } from "./extension/load/index";

/** Returned from activate(): what the extension-host tests (and other extensions) may use. */
export interface WorkbenchApi {
  /**
   * The activation cost in milliseconds: evaluating the bundle plus running activate(), without
   * the time the extension host waits between the two.
   */
  activationMs?: number;
  connections?: Connections;
  responses?: ResponsePresenter;
  /** The per-connection schema cache (its folders, and settled() for tests). */
  schemaCache?: SchemaCacheController;
}

// The last statement of the bundle to run at load (esbuild places the entry module last).
const bundleLoadMs = performance.now() - bundleStartedAt;

export function activate(context: ExtensionContext): WorkbenchApi {
  const activateStartedAt = performance.now();
  const log = createOutputLog();
  const languageClient = new MaximoLanguageClient(context);
  const responses = new ResponsePanel(context.extensionUri, log);
  context.subscriptions.push(log, languageClient, responses);
  languageClient.startWhenNeeded();
  const connections = createConnections(context, log);
  const schemaCache = createSchemaCache(context, connections, languageClient, log);
  const serverLog = new ServerLogController(context, connections, log);
  context.subscriptions.push(serverLog);
  const environments = createEnvironments(context, { connections, log });
  const history = registerRequests(context, { connections, environments, presenter: responses, log, serverLog });
  // A panel VS Code restores after a reload shows its response again, from history.
  responses.setRestorer(async (id) => {
    const model = await history.get(id);
    return model ? { model } : undefined;
  });
  registerScripts(context, { connections, log, responses, serverLog });
  registerImport(context, log);
  context.subscriptions.push(registerLocalEmulator(context, connections, log));
  registerExplorer(context, { connections, schemaCache, log });
  registerLoad(context, { connections, schemaCache, log });
  context.subscriptions.push(registerHttpFiles(context, log));
  return { connections, responses, schemaCache, activationMs: bundleLoadMs + performance.now() - activateStartedAt };
}

export function deactivate(): void {
  // Disposables registered in activate() stop the language client.
}
