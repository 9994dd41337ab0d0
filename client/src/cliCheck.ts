// `maximo check` and `maximo parse` (`dist/cli-check.js`, run by the bin `dist/cli.js`): wiring only.
import { runFileCli } from "./cli/fileCli";
import { runAsProcess } from "./cli/processWiring";

runAsProcess(runFileCli);
