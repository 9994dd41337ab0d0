// The extension-host suites (test/e2e/suite/*.suite.ts, mocha tdd, the `vscode` API) run through
// @vscode/test-electron's runTests, with the code-server shim standing in for VS Code.
import { test } from "node:test";
import { runTests } from "@vscode/test-electron";
import { bundleExtensionHostTests } from "./harness/extensionHost";
import { extensionDir, makeWorkspace, readManifest } from "./harness";

test("extension host: activation, contributions, symbols, folding, diagnostics via the vscode API", { timeout: 330_000 }, async () => {
  const { shim, suite } = await bundleExtensionHostTests();
  const workspace = makeWorkspace("workspace");
  const manifest = readManifest();
  try {
    await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: extensionDir(),
      extensionTestsPath: suite,
      launchArgs: [workspace.folder],
      // Six suites on a loaded 2-core host pass 120 s (the shim's default); the node test allows 330 s.
      extensionTestsEnv: { MAXIMO_E2E_EXTENSION_ID: `${manifest.publisher}.${manifest.name}`, MAXIMO_E2E_TIMEOUT_MS: process.env.MAXIMO_E2E_TIMEOUT_MS ?? "300000" },
    });
  } finally {
    workspace.dispose();
  }
});
