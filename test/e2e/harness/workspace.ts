// Each run gets its own copy of a fixture folder, so edits made by a test never reach the fixture.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturesDir, repoRoot } from "./paths";

export interface Workspace {
  /** Absolute path of the workspace folder (named like the fixture). */
  folder: string;
  dispose(): void;
}

/** `examples` is the repository's own examples folder, opened as a user would; other names are fixtures. */
export function makeWorkspace(fixture = "workspace"): Workspace {
  const parent = mkdtempSync(join(tmpdir(), "maximo-ws-"));
  const folder = join(parent, fixture);
  cpSync(fixture === "examples" ? join(repoRoot, "examples") : join(fixturesDir, fixture), folder, { recursive: true });
  return { folder, dispose: () => rmSync(parent, { recursive: true, force: true }) };
}
