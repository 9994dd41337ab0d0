import { terminalSafe } from "./terminalText";
import { endQuietlyOnClosedPipe } from "./closedPipe";

type Runner = (argv: readonly string[], out: (text: string) => void, err: (text: string) => void) => number | Promise<number>;

/** Runs a CLI entry on this process: its arguments, stdout and stderr, its exit code, a last-resort message. */
export function runAsProcess(run: Runner): void {
  endQuietlyOnClosedPipe([process.stdout, process.stderr]);
  const lastResort = (error: unknown) => {
    process.stderr.write(terminalSafe(`maximo: ${error instanceof Error ? error.message : String(error)}`) + "\n");
    process.exitCode = 1;
  };
  try {
    Promise.resolve(
      run(
        process.argv.slice(2),
        (text) => process.stdout.write(text + "\n"),
        (text) => process.stderr.write(text + "\n"),
      ),
    ).then((code) => (process.exitCode = code), lastResort);
  } catch (error) {
    lastResort(error);
  }
}
