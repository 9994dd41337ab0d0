/**
 * The emulator the extension ships (dist/emulator.js) as a child process on a free loopback port:
 * started for "Try Maximo Workbench on the Local Emulator", stopped with the window. VS Code-free,
 * so a test drives it the way the extension does.
 */
import { fork } from "node:child_process";
import { createInterface } from "node:readline";

export interface LocalEmulator {
  /** `http://127.0.0.1:PORT/maximo` */
  readonly url: string;
  /** Stops the process (SIGTERM, then SIGKILL after a grace period); resolves once it has exited. */
  stop(): Promise<void>;
  /** Called once if the process ends without stop() (a crash, or killed from outside). */
  onUnexpectedExit(listener: (code: number | null) => void): void;
}

export interface LocalEmulatorOptions {
  /** The API key the emulator accepts (besides its documented test key), for MAXADMIN. */
  apikey: string;
  /** How long to wait for the `listening` line. */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  stopGraceMs?: number;
}

const LISTENING = /^listening (http:\/\/127\.0\.0\.1:\d+\/maximo)\s*$/;

export function startLocalEmulator(script: string, options: LocalEmulatorOptions): Promise<LocalEmulator> {
  // fork() runs the host's own node (VS Code's Electron as node); the port is the kernel's choice.
  const child = fork(script, ["--port", "0", "--apikey", options.apikey], {
    silent: true,
    execArgv: [],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    if (stderr.length < 4_000) stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let stopping = false;
  const unexpectedExit: Array<(code: number | null) => void> = [];
  void exited.then((code) => {
    if (!stopping) for (const listener of unexpectedExit) listener(code);
  });

  const stop = async (): Promise<void> => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), options.stopGraceMs ?? 3_000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<LocalEmulator>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      lines.close();
      void stop();
      reject(new Error(`The local emulator did not start: ${why}`));
    };
    const timer = setTimeout(() => fail(`no answer within ${Math.round((options.startTimeoutMs ?? 30_000) / 1000)} s.`), options.startTimeoutMs ?? 30_000);
    child.once("error", (error) => fail(`${error.message}.`));
    void exited.then((code) => fail(`it exited with code ${code}${stderr.trim() ? ` (${stderr.trim().split("\n")[0]})` : ""}.`));
    lines.on("line", (line) => {
      const match = LISTENING.exec(line);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      lines.close();
      child.stdout?.resume(); // keep draining, so a chatty child never blocks on a full pipe
      resolve({ url: match[1]!, stop, onUnexpectedExit: (listener) => unexpectedExit.push(listener) });
    });
  });
}
