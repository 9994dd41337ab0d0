/**
 * One executor per connection, reused until that connection's settings or secrets change. A
 * replaced executor is closed once its requests in flight have finished, so a settings edit
 * never cuts a running request; its secrets stay listed for masking.
 */
import type { ExecuteOptions, Executor, SendRawOptions } from "../../http/executor";
import type { ExecutedResponse, OutgoingRequest, ResolvedRequest } from "../../http/types";
import type { ExtensionConnection } from "../contracts";

export type ExecutorFactory = (connection: ExtensionConnection) => Executor;

interface Entry {
  fingerprint: string;
  executor: TrackedExecutor;
}

export class ExecutorCache {
  private readonly entries = new Map<string, Entry>();
  private readonly retiredSecrets = new Set<string>();

  /** `environment` adds what else the factory reads (a timeout setting); a change replaces every executor. */
  constructor(
    private readonly factory: ExecutorFactory,
    private readonly environment: () => string = () => "",
  ) {}

  get(connection: ExtensionConnection): Executor {
    const fingerprint = `${fingerprintOf(connection)}|${this.environment()}`;
    const entry = this.entries.get(connection.name);
    if (entry?.fingerprint === fingerprint) return entry.executor;
    if (entry) this.retire(entry);
    const executor = new TrackedExecutor(this.factory(connection));
    this.entries.set(connection.name, { fingerprint, executor });
    return executor;
  }

  /** Forgets a connection's executor: the next get() builds a new one (new secret, re-login). */
  drop(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    this.retire(entry);
  }

  /** Drops the executors whose connection is gone, changed, or built for another environment. */
  sync(connections: readonly ExtensionConnection[]): void {
    const environment = this.environment();
    for (const [name, entry] of [...this.entries]) {
      const connection = connections.find((c) => c.name === name);
      if (!connection || entry.fingerprint !== `${fingerprintOf(connection)}|${environment}`) this.drop(name);
    }
  }

  /** Every secret the executors hold or held, for masking. */
  secrets(): string[] {
    return [...this.retiredSecrets, ...[...this.entries.values()].flatMap((entry) => entry.executor.secrets())];
  }

  dispose(): void {
    for (const name of [...this.entries.keys()]) this.drop(name);
  }

  private retire(entry: Entry): void {
    entry.executor.retire((secrets) => secrets.forEach((secret) => this.retiredSecrets.add(secret)));
  }
}

/** The connection's settings in a stable order. */
export function fingerprintOf(connection: ExtensionConnection): string {
  const record = connection as unknown as Record<string, unknown>;
  return JSON.stringify(Object.keys(record).sort().map((key) => [key, record[key]]));
}

/** An executor that counts its requests in flight, so retiring it can wait for them. */
class TrackedExecutor implements Executor {
  private inFlight = 0;
  /** Set once retired: runs whenever the executor becomes idle (a caller may still hold it, e.g. paging). */
  private onIdle: (() => void) | undefined;

  constructor(private readonly inner: Executor) {}

  get connection() {
    return this.inner.connection;
  }

  execute(resolved: ResolvedRequest, options?: ExecuteOptions): Promise<ExecutedResponse> {
    return this.track(() => this.inner.execute(resolved, options));
  }

  send(outgoing: OutgoingRequest, options?: SendRawOptions): Promise<ExecutedResponse> {
    return this.track(() => this.inner.send(outgoing, options));
  }

  secrets(): string[] {
    return this.inner.secrets();
  }

  close(): void {
    this.inner.close();
  }

  /** Closes now when idle, else after the last request in flight settles; hands over its secrets. */
  retire(keepSecrets: (secrets: string[]) => void): void {
    const finish = () => {
      keepSecrets(this.inner.secrets());
      this.inner.close();
    };
    this.onIdle = finish;
    if (this.inFlight === 0) finish();
  }

  private async track<T>(run: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await run();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.onIdle?.();
    }
  }
}
