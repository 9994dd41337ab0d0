// The whole command-line runner (`dist/cli-full.js`), loaded by `dist/cli.js` for every command
// but `check` and `parse`: wiring only.
import { runCli } from "./cli/main";
import { runAsProcess } from "./cli/processWiring";

// Progress is drawn on stderr, and only when it is a terminal (never in CI logs or pipes).
const progress = process.stderr.isTTY ? (text: string) => process.stderr.write(`\r\x1b[2K${text}`) : undefined;

// Ctrl-C during a load or an export: the first stops it (a load after the batch in flight), a second ends the process.
const onInterrupt = (stop: () => void) => {
  const handler = () => {
    process.off("SIGINT", handler);
    stop();
  };
  process.on("SIGINT", handler);
  return () => process.off("SIGINT", handler);
};

runAsProcess((argv, out, err) => runCli(argv, out, err, progress ? { progress, onInterrupt } : { onInterrupt }));
