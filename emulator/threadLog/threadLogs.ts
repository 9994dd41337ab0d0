/**
 * Thread logging per user (JSON API reference §23): `enablelogs` with logger names turns those
 * loggers on for the calling user, `enablealllogs` every logger, `disablealllogs` stops capture;
 * `GET /oslc/log` returns everything captured for that user so far (the whole thread log, not only
 * what is new). Other users' requests never reach a user's log.
 */
import { formatLine, type Level } from "./layout";

/** The loggers the emulator writes, by their log4j names without the `log4j.logger.` prefix. */
export const LOGGERS = ["maximo.oslc", "maximo.sql", "maximo.integration", "maximo.script"] as const;
export type Logger = (typeof LOGGERS)[number];

interface UserLog {
  /** `all` after enablealllogs; else the loggers enabled by name (unknown names are kept, they log nothing). */
  loggers: Set<string> | "all";
  lines: string[];
  /** Correlation id of the user's thread, as Maximo prints it in every line. */
  thread: string;
}

/** Most lines one user's log keeps; the oldest go first (a real server rolls its files too). */
const maxLines = 20_000;

export class ThreadLogs {
  private readonly users = new Map<string, UserLog>();
  private threads = 0;

  /** Enables the named loggers (`log4j.logger.maximo.sql`, `maximo.sql` or `sql`) for `user`. */
  enable(user: string, names: readonly string[]): void {
    const log = this.logOf(user);
    if (log.loggers === "all") return;
    for (const name of names) log.loggers.add(loggerName(name));
  }

  enableAll(user: string): void {
    this.logOf(user).loggers = "all";
  }

  /** Stops capture for `user`; what was captured stays readable. */
  disableAll(user: string): void {
    const log = this.users.get(user);
    if (log) log.loggers = new Set();
  }

  /** True when `logger` captures for `user`: callers skip building a line otherwise. */
  on(user: string, logger: Logger): boolean {
    const log = this.users.get(user);
    return log !== undefined && (log.loggers === "all" || log.loggers.has(logger));
  }

  write(user: string, logger: Logger, level: Level, message: string, now: number): void {
    const log = this.users.get(user);
    if (!log || !this.on(user, logger)) return;
    log.lines.push(formatLine(now, level, log.thread, logger, message));
    if (log.lines.length > maxLines) log.lines.splice(0, log.lines.length - maxLines);
  }

  /** The user's whole thread log, one line each, newline-terminated; empty when none. */
  read(user: string): string {
    const lines = this.users.get(user)?.lines ?? [];
    return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
  }

  /** Loggers on for `user`, for the control API and tests. */
  enabled(user: string): string[] | "all" {
    const loggers = this.users.get(user)?.loggers;
    return loggers === undefined ? [] : loggers === "all" ? "all" : [...loggers].sort();
  }

  private logOf(user: string): UserLog {
    let log = this.users.get(user);
    if (!log) {
      log = { loggers: new Set(), lines: [], thread: `CID-OSLC-${++this.threads}` };
      this.users.set(user, log);
    }
    return log;
  }
}

function loggerName(name: string): string {
  const bare = name.trim().replace(/^log4j\.logger\./i, "").toLowerCase();
  return bare.startsWith("maximo.") ? bare : `maximo.${bare}`;
}
