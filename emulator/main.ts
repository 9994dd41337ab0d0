/**
 * The emulator as a program (`npm run emulator -- --port 0`): prints
 * `listening http://127.0.0.1:PORT/maximo` first, and stops cleanly on SIGINT/SIGTERM.
 */
import { parseCli, usage } from "./control/cliOptions";
import { startEmulator } from "./index";

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  if (typeof cli === "string") {
    process.stderr.write(`emulator: ${cli}\n${usage}\n`);
    process.exit(2);
  }
  if (cli.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const emulator = await startEmulator({ port: cli.port, options: cli.options, latencyMs: cli.latencyMs });
  process.stdout.write(`listening ${emulator.url}\n`);
  const stop = () => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
