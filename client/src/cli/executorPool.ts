/** One executor per connection for a CLI run, created when a request first needs it. */
import type { ConnectionSet } from "../connections/load";
import type { ConnectionConfig, SecretSource } from "../connections/types";
import { createExecutor, type Executor } from "../http/executor";
import { ServerLogCapture } from "../serverLog/capture";

export class ExecutorPool {
  private readonly executors = new Map<string, Executor>();
  private readonly captures = new Map<string, ServerLogCapture>();

  constructor(
    private readonly set: ConnectionSet,
    private readonly secrets: SecretSource,
    private readonly log: (text: string) => void,
  ) {}

  /** The connection a request uses: its `# @connection`, else the default; throws a sentence when there is none. */
  connection(wanted: string | undefined): ConnectionConfig {
    const name = wanted ?? this.set.defaultName;
    if (name === undefined) {
      throw new Error(
        this.set.connections.size === 0
          ? "No connection is configured; pass --connection URL (with MAXIMO_APIKEY or MAXIMO_USER/MAXIMO_PASSWORD), set MAXIMO_URL, or add maximo.connections.json."
          : `No default connection; add "default" to ${this.set.file ?? "maximo.connections.json"}, pass --connection NAME, or use # @connection.`,
      );
    }
    const connection = this.set.connections.get(name);
    if (!connection) throw new Error(`The request asks for connection "${name}", which is not configured; known: ${[...this.set.connections.keys()].join(", ") || "none"}.`);
    return connection;
  }

  executor(connection: ConnectionConfig): Executor {
    let executor = this.executors.get(connection.name);
    if (!executor) {
      executor = createExecutor({ connection, secrets: this.secrets, log: this.log });
      this.executors.set(connection.name, executor);
    }
    return executor;
  }

  /** The connection's server-log capture (reference §23), made on first use; a refusal is said once. */
  capture(connection: ConnectionConfig): ServerLogCapture {
    let capture = this.captures.get(connection.name);
    if (!capture) {
      capture = new ServerLogCapture(this.executor(connection), { onRefused: (sentence) => this.log(`maximo: ${sentence}`) });
      this.captures.set(connection.name, capture);
    }
    return capture;
  }

  /** Turns thread logging off on every server where this run turned it on. */
  async stopCaptures(): Promise<void> {
    await Promise.all([...this.captures.values()].map((capture) => capture.stop()));
    this.captures.clear();
  }

  /** Every secret any executor holds, for redaction. */
  secretValues(): string[] {
    return [...this.executors.values()].flatMap((e) => e.secrets());
  }

  close(): void {
    for (const executor of this.executors.values()) executor.close();
    this.executors.clear();
  }
}
