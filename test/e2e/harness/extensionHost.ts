// Builds what @vscode/test-electron's runTests needs to run the extension-host suites in code-server:
// the shim that stands in for the VS Code executable and the mocha test module, both bundled from
// TypeScript into out/e2e/ (the shim with a shebang, executable).
import { chmodSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { e2eDir, e2eOutDir } from "./paths";

export interface ExtensionHostBundle {
  /** Pass as runTests' `vscodeExecutablePath` (or test-cli's `useInstallation.fromPath`). */
  shim: string;
  /** Pass as runTests' `extensionTestsPath`. */
  suite: string;
}

export async function bundleExtensionHostTests(): Promise<ExtensionHostBundle> {
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: "inline",
    logLevel: "warning",
  };
  const shim = join(e2eOutDir, "code-shim.js");
  await esbuild.build({
    ...common,
    entryPoints: [join(e2eDir, "shim", "codeShim.ts")],
    outfile: shim,
    external: ["playwright-core"],
    banner: { js: "#!/usr/bin/env node" },
  });
  chmodSync(shim, 0o755);

  const suiteDir = join(e2eDir, "suite");
  const suites = readdirSync(suiteDir).filter((name) => name === "index.ts" || name.endsWith(".suite.ts"));
  await esbuild.build({
    ...common,
    entryPoints: suites.map((name) => join(suiteDir, name)),
    outdir: join(e2eOutDir, "suite"),
    external: ["vscode", "mocha"],
  });
  return { shim, suite: join(e2eOutDir, "suite", "index.js") };
}
