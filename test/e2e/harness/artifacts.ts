// What a failed e2e run leaves for a human under test/e2e/artifacts/<test>-<time>/: a screenshot,
// code-server's output, the page console and VS Code's logs (extension host, output channels such
// as the language server's).
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { artifactsDir } from "./paths";

export function artifactDir(testName: string): string {
  const slug = testName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "run";
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = join(artifactsDir, `${slug}-${stamp}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface FailureEvidence {
  page?: Page;
  codeServerLog?: string;
  consoleLines?: string[];
  /** code-server's user-data dir; its logs/ folder is copied. */
  userDataDir?: string;
  error?: unknown;
}

/** Saves what there is; never throws (a failing save must not hide the test's own error). */
export async function saveFailureArtifacts(dir: string, evidence: FailureEvidence): Promise<string[]> {
  const saved: string[] = [];
  const attempt = async (name: string, write: (path: string) => Promise<unknown> | unknown) => {
    try {
      await write(join(dir, name));
      saved.push(name);
    } catch {
      // the page may be gone, a log may be missing
    }
  };
  if (evidence.page && !evidence.page.isClosed()) {
    await attempt("screenshot.png", (path) => evidence.page!.screenshot({ path, timeout: 10_000 }));
  }
  if (evidence.error !== undefined) {
    const error = evidence.error;
    await attempt("error.txt", (path) => writeFileSync(path, error instanceof Error ? `${error.stack ?? error.message}\n` : `${String(error)}\n`));
  }
  if (evidence.codeServerLog !== undefined) await attempt("code-server.log", (path) => writeFileSync(path, evidence.codeServerLog!));
  if (evidence.consoleLines) await attempt("browser-console.log", (path) => writeFileSync(path, evidence.consoleLines!.join("\n") + "\n"));
  const logs = evidence.userDataDir && join(evidence.userDataDir, "logs");
  if (logs && existsSync(logs)) await attempt("vscode-logs", (path) => cpSync(logs, path, { recursive: true }));
  return saved;
}
