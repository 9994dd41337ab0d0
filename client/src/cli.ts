// Entry point of the command-line runner (bin `maximo`): wiring only.
import { runCli } from "./cli/main";

process.exitCode = runCli(
  process.argv.slice(2),
  (text) => process.stdout.write(text + "\n"),
  (text) => process.stderr.write(text + "\n"),
);
