// Entry point of the command-line runner (bin `maximo`): wiring only. `check` and `parse` run
// from this small bundle (cli/fileCli.ts); every other command loads the whole CLI.
import { isFileCommand, runFileCli } from "./cli/fileCli";
import { runAsProcess } from "./cli/processWiring";

if (isFileCommand(process.argv[2])) runAsProcess(runFileCli);
else require("./cli-full.js");
