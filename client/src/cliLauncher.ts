// The `maximo` bin (`dist/cli.js`): wiring only. `check` and `parse` run from a small bundle
// (`dist/cli-check.js`), every other command from the whole CLI (`dist/cli-full.js`); either is
// compiled with V8's code cache (cli/codeCache.ts), which saves each run most of its start-up.
import { join } from "node:path";
import { codeCacheDir, compileWithCodeCache } from "./cli/codeCache";
import { isFileCommand } from "./cli/fileCommands";

const bundle = compileWithCodeCache(join(__dirname, isFileCommand(process.argv[2]) ? "cli-check.js" : "cli-full.js"), codeCacheDir());
// Registered first: a command may end the process before `run` returns.
process.once("exit", () => bundle.save());
bundle.run();
