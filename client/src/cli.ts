// Entry point of the command-line runner (bin `maximo`): wiring only.
import { runCli } from "./cli/main";
import { terminalSafe } from "./cli/terminalText";
import { endQuietlyOnClosedPipe } from "./cli/closedPipe";

endQuietlyOnClosedPipe([process.stdout, process.stderr]);

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

runCli(
  process.argv.slice(2),
  (text) => process.stdout.write(text + "\n"),
  (text) => process.stderr.write(text + "\n"),
  progress ? { progress, onInterrupt } : { onInterrupt },
).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(terminalSafe(`maximo: ${error instanceof Error ? error.message : String(error)}`) + "\n");
    process.exitCode = 1;
  },
);
