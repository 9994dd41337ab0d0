// Child processes that the harness owns: each runs in its own process group, so stopping it also
// stops what it spawned (code-server's extension host, the language server, the pty host).
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const running = new Set<ManagedProcess>();
// Last resort when a test process dies with children still up; normal runs stop them in `finally`.
process.on("exit", () => {
  for (const child of running) child.killGroup("SIGKILL");
});

export class ManagedProcess {
  readonly child: ChildProcess;
  private output = "";
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private readonly watchers = new Set<() => void>();

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: SpawnOptions,
    private readonly maxOutput = 256 * 1024,
  ) {
    this.child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    running.add(this);
    const onData = (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
      if (this.output.length > this.maxOutput) this.output = this.output.slice(-this.maxOutput);
      for (const watcher of this.watchers) watcher();
    };
    this.child.stdout!.on("data", onData);
    this.child.stderr!.on("data", onData);
    this.exited = new Promise((resolve) => {
      this.child.on("error", (error) => {
        this.output += `\n[${name}: ${error.message}]\n`;
      });
      this.child.on("close", (code) => {
        this.exitCode = code;
        running.delete(this);
        for (const watcher of this.watchers) watcher();
        resolve(code);
      });
    });
  }

  /** Everything the process printed (stdout and stderr interleaved), the last `maxOutput` characters. */
  log(): string {
    return this.output;
  }

  tail(lines = 80): string {
    return this.output.split("\n").slice(-lines).join("\n");
  }

  /** Resolves with the first match of `pattern` in the output; rejects on exit or after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const finish = (error?: Error, match?: RegExpMatchArray) => {
        clearTimeout(timer);
        this.watchers.delete(check);
        if (error) reject(error);
        else resolve(match!);
      };
      const check = () => {
        const match = this.output.match(pattern);
        if (match) finish(undefined, match);
        else if (this.exitCode !== undefined)
          finish(new Error(`${this.name} exited (code ${this.exitCode}) before printing ${pattern}:\n${this.tail(30)}`));
      };
      const timer = setTimeout(
        () => finish(new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.tail(30)}`)),
        timeoutMs,
      );
      this.watchers.add(check);
      check();
    });
  }

  /** Resolves with the exit code when the process ends by itself. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  killGroup(signal: NodeJS.Signals): boolean {
    if (this.child.pid === undefined) return false;
    try {
      process.kill(-this.child.pid, signal);
      return true;
    } catch {
      return false; // ESRCH: the group is gone
    }
  }

  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once no process of the group is left. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.child.pid === undefined) return;
    this.killGroup("SIGTERM");
    const timer = setTimeout(() => this.killGroup("SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
    // The leader is gone; a member that ignored SIGTERM (or started late) must not outlive the test.
    this.killGroup("SIGKILL");
  }
}
