// A stand-in for the VS Code executable, for @vscode/test-electron's runTests (vscodeExecutablePath)
// and @vscode/test-cli (useInstallation.fromPath): no desktop VS Code can be installed here, so it
// starts code-server, opens the workbench with the test payload in headless Chromium and exits with
// the code the extension-host test run reports (../../../../shared/recipes/vscode-e2e.md, section 5).
// Bundled to out/e2e/code-shim.js by ../harness/extensionHost.ts.
//
// Reads: the first argument that is not a flag (the workspace folder, from launchArgs),
// --extensionDevelopmentPath=DIR (repeatable) and --extensionTestsPath=FILE. The other flags of
// test-electron (--extensions-dir, --user-data-dir, --no-sandbox, ...) are ignored: code-server gets
// a fresh temp dir. Environment: MAXIMO_E2E_TIMEOUT_MS (default 120000).
import { launchBrowser, newPage, extensionHostText } from "../harness/browser";
import { startCodeServer, type CodeServer } from "../harness/codeServer";
import { artifactDir, saveFailureArtifacts } from "../harness/artifacts";
import type { Browser } from "playwright-core";
import { reporterMark } from "../suite/reporterMark";

function parseArgs(argv: string[]) {
  const values = (name: string) => argv.filter((arg) => arg.startsWith(`--${name}=`)).map((arg) => arg.slice(name.length + 3));
  const testsPath = values("extensionTestsPath")[0];
  const developmentPaths = values("extensionDevelopmentPath");
  const folder = argv.find((arg) => !arg.startsWith("-"));
  if (!testsPath || developmentPaths.length === 0 || !folder) {
    throw new Error(
      "usage: code-shim WORKSPACE --extensionDevelopmentPath=DIR --extensionTestsPath=FILE (as @vscode/test-electron's runTests calls it)",
    );
  }
  return { testsPath, developmentPaths, folder };
}

async function main(): Promise<number> {
  const { testsPath, developmentPaths, folder } = parseArgs(process.argv.slice(2));
  const timeoutMs = Number(process.env.MAXIMO_E2E_TIMEOUT_MS ?? 120_000);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let pageOf: Awaited<ReturnType<typeof newPage>> | undefined;
  let code = 1;
  let failure: unknown;
  try {
    server = await startCodeServer();
    browser = await launchBrowser();
    pageOf = await newPage(browser);
    const { page } = pageOf;
    // The workbench calls codeAutomationExit when the test module settles (the hook @vscode/test-web uses).
    let reportExit: (exitCode: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction("codeAutomationExit", (exitCode: number) => reportExit(exitCode));
    // Extension-host console output arrives as page console messages, mixed with the workbench's
    // own log; the suite marks its reporter's lines (suite/index.ts) and only those are printed.
    page.on("console", (message) => {
      void extensionHostText(message).then((text) => {
        if (text?.startsWith(reporterMark)) process.stdout.write(`${text.slice(reporterMark.length)}\n`);
      });
    });
    const remote = (path: string) => `vscode-remote://${server!.host}:${server!.port}${path}`;
    const payload = [
      ...developmentPaths.map((path) => ["extensionDevelopmentPath", remote(path)]),
      ["extensionTestsPath", remote(testsPath)],
    ];
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(`code-shim: no result from the extension-host tests within ${timeoutMs} ms\n`);
        resolve(2);
      }, timeoutMs);
    });
    await page.goto(server.workbenchUrl(folder, { payload: JSON.stringify(payload) }));
    code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
  } catch (error) {
    failure = error;
    process.stderr.write(`code-shim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 1;
  }
  if (code !== 0) {
    const dir = artifactDir("extension-host");
    const saved = await saveFailureArtifacts(dir, {
      page: pageOf?.page,
      codeServerLog: server?.process.log(),
      consoleLines: pageOf?.consoleLines,
      userDataDir: server?.userDataDir,
      error: failure,
    });
    process.stderr.write(`code-shim: failure artifacts (${saved.join(", ")}) in ${dir}\n`);
  }
  await browser?.close().catch(() => undefined);
  await server?.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`code-shim: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
