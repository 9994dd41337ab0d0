// The extension-host test module: code-server's extension host requires it and calls run() (the
// usual @vscode/test-electron runner shape). Bundled with the *.suite.ts files next to it into
// out/e2e/suite/ by ../harness/extensionHost.ts; `vscode` and `mocha` load at run time.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import Mocha from "mocha";
import { reporterMark } from "./reporterMark";

export function run(): Promise<void> {
  // The reporter's lines reach the shim through the page console, mixed with the workbench's log.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args) => {
    for (const line of format(...args).split("\n")) console.log(reporterMark + line);
  };
  const mocha = new Mocha({ ui: "tdd", color: false, timeout: 60_000 });
  // language.suite checks that nothing activated the extension before it opens a .maximo file,
  // so it runs first; the others follow by name.
  const first = "language.suite.js";
  const files = readdirSync(__dirname).filter((name) => name.endsWith(".suite.js")).sort((a, b) => Number(b === first) - Number(a === first) || a.localeCompare(b));
  for (const file of files) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
