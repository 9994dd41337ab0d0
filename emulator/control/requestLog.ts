/**
 * Every API request the emulator received, as sent, so tests can check what a client put on the
 * wire. Credentials stay in: they are test data here, and tests assert on them.
 */
export interface LoggedRequest {
  method: string;
  /** The path as sent (still encoded). */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The body as UTF-8 text. */
  body: string;
  /** The status answered; 0 while in flight or when the socket was reset. */
  status: number;
}

/** A long CLI or benchmark run keeps only the latest entries, so memory stays bounded. */
const maxEntries = 10_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  record(entry: Omit<LoggedRequest, "status">): LoggedRequest {
    const logged: LoggedRequest = { ...entry, status: 0 };
    this.entries.push(logged);
    if (this.entries.length > maxEntries * 1.1) this.entries = this.entries.slice(-maxEntries);
    return logged;
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
