// code-server 4.100.3 (VS Code 1.100.3) on 127.0.0.1, in a fresh temp dir per run
// (../../../../shared/recipes/vscode-e2e.md, section 3).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { assertPrerequisites, codeServerBin } from "./paths";
import { ManagedProcess } from "./processes";

/** Settings every run starts from: no welcome page, no network, and typing that inserts exactly what is typed. */
export const baseSettings: Record<string, unknown> = {
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "workbench.tips.enabled": false,
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.editor.enablePreview": false,
  "files.autoSave": "off",
  "editor.minimap.enabled": false,
  // Fold controls visible without hovering, so tests can see and click them.
  "editor.showFoldingControls": "always",
  // keyboard.type() must produce exactly the typed text: no auto-closed quotes or brackets, no
  // completion accepted by a commit character. Completion still opens on Ctrl+Space.
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.autoSurround": "never",
  "editor.autoIndent": "none",
  "editor.quickSuggestions": { other: "off", comments: "off", strings: "off" },
  "editor.acceptSuggestionOnCommitCharacter": false,
  "editor.wordBasedSuggestions": "off",
};

export type ExtensionSource =
  /** Install a packaged .vsix with `code-server --install-extension` (tests the artifact). */
  | { vsix: string }
  /** Copy an unpacked extension folder into the extensions dir (package.json + what it ships). */
  | { folder: string; id: string }
  /** Install nothing: extension-host tests load the extension as a development extension. */
  | undefined;

export interface CodeServerOptions {
  extension?: ExtensionSource;
  settings?: Record<string, unknown>;
  /** Extra environment for code-server; it reaches the extension host and the language server. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  host: string;
  port: number;
  /** The temp dir holding config.yaml, ud/ (user data, logs) and exts/. */
  dir: string;
  userDataDir: string;
  process: ManagedProcess;
  /** URL of the workbench with `folder` open, plus optional extra query parameters. */
  workbenchUrl(folder: string, extra?: Record<string, string>): string;
  /** Stops code-server and everything it started, then removes the temp dir (unless `keep`). */
  stop(options?: { keep?: boolean }): Promise<void>;
}

function commonArgs(dir: string): string[] {
  return [
    "--config", join(dir, "config.yaml"),
    "--user-data-dir", join(dir, "ud"),
    "--extensions-dir", join(dir, "exts"),
  ];
}

function installExtension(dir: string, source: ExtensionSource): void {
  if (!source) return;
  if ("vsix" in source) {
    const result = spawnSync(codeServerBin, [...commonArgs(dir), "--install-extension", source.vsix], {
      encoding: "utf8",
      env: codeServerEnv({}),
      timeout: 60_000,
    });
    if (result.status !== 0 || !/was successfully installed/.test(result.stdout)) {
      throw new Error(`code-server --install-extension ${source.vsix} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    return;
  }
  // Must happen before code-server starts: folders added later are marked obsolete and not loaded.
  cpSync(source.folder, join(dir, "exts", source.id), { recursive: true });
}

function codeServerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // No marketplace calls: the browser console then logs ECONNREFUSED 127.0.0.1:9, which is expected.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: "http://127.0.0.1:9/" }),
    ...extra,
  };
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  assertPrerequisites();
  const dir = mkdtempSync(join(tmpdir(), "maximo-e2e-"));
  try {
    // Port 0: the OS picks a free port and code-server prints it, so parallel runs never collide.
    writeFileSync(join(dir, "config.yaml"), "bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n");
    mkdirSync(join(dir, "ud", "User"), { recursive: true });
    mkdirSync(join(dir, "exts"));
    writeFileSync(join(dir, "ud", "User", "settings.json"), JSON.stringify({ ...baseSettings, ...options.settings }, null, 2));
    installExtension(dir, options.extension);

    const server = new ManagedProcess(
      "code-server",
      codeServerBin,
      [
        ...commonArgs(dir),
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
      ],
      { env: codeServerEnv(options.env ?? {}), cwd: dir },
    );
    let match: RegExpMatchArray;
    try {
      match = await server.waitForOutput(/HTTP server listening on http:\/\/([\d.]+):(\d+)/, options.startTimeoutMs ?? 30_000);
    } catch (error) {
      await server.stop();
      throw error;
    }
    const host = match[1]!;
    const port = Number(match[2]);
    const origin = `http://${host}:${port}`;
    return {
      origin,
      host,
      port,
      dir,
      userDataDir: join(dir, "ud"),
      process: server,
      workbenchUrl(folder, extra = {}) {
        const query = Object.entries({ folder, ...extra })
          .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
          .join("&");
        return `${origin}/?${query}`;
      },
      async stop({ keep = false } = {}) {
        await server.stop();
        if (!keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
