// Entry point of the command-line runner (bin `maximo`): wiring only. `check` and `parse` run
// from this small bundle (cli/fileCli.ts); every other command loads the whole CLI. A large
// check runs parts of its file on worker threads started on this same bundle (cli/checkInParts.ts).
import { isMainThread, workerData } from "node:worker_threads";
import { isCheckPart, runCheckPart } from "./cli/checkInParts";
import { isFileCommand, runFileCli } from "./cli/fileCli";
import { runAsProcess } from "./cli/processWiring";

if (!isMainThread && isCheckPart(workerData)) runCheckPart(workerData);
else if (isFileCommand(process.argv[2])) runAsProcess((argv, out, err) => runFileCli(argv, out, err, __filename));
else require("./cli-full.js");
