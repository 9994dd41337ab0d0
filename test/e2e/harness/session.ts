// One UI test run: a fixture workspace, code-server with the extension installed, headless Chromium
// on the workbench. Artifacts are saved when the body fails; everything is stopped afterwards.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";
import type { Browser } from "playwright-core";
import { artifactDir, saveFailureArtifacts } from "./artifacts";
import { launchBrowser, newPage, type BrowserPage } from "./browser";
import { startCodeServer, type CodeServer, type ExtensionSource } from "./codeServer";
import { repoRoot } from "./paths";
import { packageVsix } from "./vsix";
import { Workbench } from "./workbench";
import { makeWorkspace, type Workspace } from "./workspace";

export interface WorkbenchRunOptions {
  /** Folder under test/e2e/fixtures/ opened as the workspace. */
  fixture?: string;
  /**
   * `vsix` (default): package dist/ with vsce and install the .vsix, which tests the shipped artifact.
   * `folder`: copy package.json and the shipped folders into the extensions dir (no vsce).
   */
  install?: "vsix" | "folder";
  /** Added to (and overriding) codeServer.ts's baseSettings. */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Playwright's timeout for each wait, in ms (default MAXIMO_E2E_WAIT_MS, else 30000). */
  waitTimeoutMs?: number;
}

/** The extension under test: the repository, or MAXIMO_E2E_EXTENSION_DIR (e.g. a stub) to try the harness on another build. */
export function extensionDir(): string {
  return process.env.MAXIMO_E2E_EXTENSION_DIR ?? repoRoot;
}

function extensionSource(install: "vsix" | "folder", copyDir: string): ExtensionSource {
  const dir = extensionDir();
  if (install === "vsix") return { vsix: packageVsix(dir) };
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { publisher: string; name: string; version: string };
  const folder = join(copyDir, "extension");
  for (const name of ["package.json", "README.md", "LICENSE", "language-configuration.json", "dist", "syntaxes", "snippets", "media", "examples"]) {
    if (existsSync(join(dir, name))) cpSync(join(dir, name), join(folder, name), { recursive: true });
  }
  return { folder, id: `${manifest.publisher}.${manifest.name}-${manifest.version}` };
}

export interface WorkbenchRun {
  workbench: Workbench;
  workspace: Workspace;
  server: CodeServer;
  browserPage: BrowserPage;
}

export async function withWorkbench(
  t: TestContext,
  options: WorkbenchRunOptions,
  body: (run: WorkbenchRun) => Promise<void>,
): Promise<void> {
  const started = Date.now();
  const mark = (what: string) => t.diagnostic(`${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const copyDir = mkdtempSync(join(tmpdir(), "maximo-ext-"));
  const workspace = makeWorkspace(options.fixture);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let browserPage: BrowserPage | undefined;
  try {
    const extension = extensionSource(options.install ?? "vsix", copyDir);
    server = await startCodeServer({ extension, settings: options.settings, env: options.env });
    mark(`code-server listening on ${server.origin}`);
    browser = await launchBrowser();
    browserPage = await newPage(browser);
    browserPage.page.setDefaultTimeout(options.waitTimeoutMs ?? Number(process.env.MAXIMO_E2E_WAIT_MS ?? 30_000));
    const workbench = new Workbench(browserPage.page, server);
    await workbench.openFolder(workspace.folder);
    mark("workbench ready");
    await body({ workbench, workspace, server, browserPage });
    mark("test steps done");
  } catch (error) {
    const dir = artifactDir(t.name);
    const saved = await saveFailureArtifacts(dir, {
      page: browserPage?.page,
      codeServerLog: server?.process.log(),
      consoleLines: browserPage?.consoleLines,
      userDataDir: server?.userDataDir,
      error,
    });
    t.diagnostic(`failure artifacts (${saved.join(", ")}) in ${dir}`);
    if (server) process.stderr.write(`code-server output, last lines:\n${server.process.tail(25)}\n`);
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    workspace.dispose();
    rmSync(copyDir, { recursive: true, force: true });
  }
}
