// The e2e harness: start code-server + headless Chromium on a fixture workspace (withWorkbench),
// read what the user sees (Workbench), run extension-host suites (bundleExtensionHostTests).
export { withWorkbench, extensionDir, type WorkbenchRun, type WorkbenchRunOptions } from "./session";
export { Workbench, type EditorLine, type FoldControl, type ProblemRow, type Token } from "./workbench";
export { readManifest, languageLabel, type Manifest } from "./manifest";
export { makeWorkspace, type Workspace } from "./workspace";
export { repoRoot, fixturesDir, artifactsDir, e2eOutDir } from "./paths";
