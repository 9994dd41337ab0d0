/** Shared by the benches that talk to the emulator as a separate process. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

export const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

/** `--name N` from the bench's arguments, or `fallback`. */
export function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Starts `node ARGS` (a program that prints `listening URL` first); resolves with the URL. */
export function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", (line) => {
      const match = /^listening (http:\/\/127\.0\.0\.1:\d+\S*)$/.exec(line);
      if (match) resolve({ child, url: match[1]! });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
  });
}

/** dist/emulator.js (built first when missing) on a free port, with extra flags. */
export function startEmulatorChild(flags: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const emulatorJs = join(root, "dist", "emulator.js");
  if (!existsSync(emulatorJs)) spawnSync(process.execPath, ["esbuild.mjs"], { cwd: root, stdio: "inherit" });
  return startChild([emulatorJs, "--port", "0", ...flags]);
}
