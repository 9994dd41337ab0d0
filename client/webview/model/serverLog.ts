/**
 * The Server log tab's model (DOM-free): thread-log lines (reference §23) read into level, logger
 * and message, filtered by text and level, WARN/ERROR counted for the tab's badge, SQL split into
 * keywords and the rest for highlighting, and BMXAA codes found for their hints. Maximo's layout is
 * `dd MMM yyyy HH:mm:ss:SSS [LEVEL] [server] [thread] message`; a line in another layout still
 * shows, without a level.
 */
export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL" | "TRACE";

export interface LogLine {
  text: string;
  level?: LogLevel;
  /** `maximo.sql`, when the line names its logger in brackets. */
  logger?: string;
  /** The bracketed fields before the message (time, level, server, thread, logger). */
  prefix: string;
  message: string;
  /** A statement of the sql logger (or a message that reads as SQL). */
  isSql: boolean;
}

const LEVEL = /\[(DEBUG|INFO|WARN|WARNING|ERROR|FATAL|TRACE)\s*\]/i;
const LOGGER = /\[(maximo(?:\.[\w-]+)+)\]/i;
const PREFIX = /^(?:[^[\]]*?\[[^\]]*\]\s*)+/;
const SQL_START = /^\s*(?:\(\d+ ms\)\s*)?(select|insert|update|delete)\b/i;
const CODE = /\bBMXAA\d{4}[EWI]\b/g;

export function parseLogLine(text: string): LogLine {
  const raw = LEVEL.exec(text)?.[1]?.toUpperCase();
  const level = raw === "WARNING" ? "WARN" : (raw as LogLevel | undefined);
  const logger = LOGGER.exec(text)?.[1]?.toLowerCase();
  const prefix = PREFIX.exec(text)?.[0] ?? "";
  const message = text.slice(prefix.length);
  const isSql = logger === "maximo.sql" || (logger === undefined && SQL_START.test(message)) || (logger?.startsWith("maximo.sql") ?? false);
  return { text, ...(level ? { level } : {}), ...(logger ? { logger } : {}), prefix, message, isSql };
}

export function isProblem(line: LogLine): boolean {
  return line.level === "WARN" || line.level === "ERROR" || line.level === "FATAL";
}

/** How many lines are warnings or errors: the tab's badge. */
export function problemCount(lines: readonly LogLine[]): number {
  return lines.filter(isProblem).length;
}

/** Lines containing `query` (any case); with `problemsOnly`, only WARN/ERROR lines. */
export function filterLines(lines: readonly LogLine[], query: string, problemsOnly = false): LogLine[] {
  const needle = query.trim().toLowerCase();
  return lines.filter((line) => (!problemsOnly || isProblem(line)) && (needle === "" || line.text.toLowerCase().includes(needle)));
}

const KEYWORDS = new Set(
  "select from where and or not in is null like exists order by group having asc desc distinct as on join left right inner outer union all insert into values update set delete count sum min max between case when then else end".split(" "),
);

export interface SqlSegment {
  text: string;
  keyword: boolean;
}

/** Splits SQL into keyword and non-keyword runs; quoted literals are never keywords. */
export function sqlSegments(sql: string): SqlSegment[] {
  const segments: SqlSegment[] = [];
  const push = (text: string, keyword: boolean) => {
    const last = segments[segments.length - 1];
    if (last && last.keyword === keyword && !keyword) last.text += text;
    else segments.push({ text, keyword });
  };
  for (const token of sql.match(/'(?:[^']|'')*'?|[A-Za-z_][\w$#]*|\s+|./g) ?? []) {
    push(token, !token.startsWith("'") && KEYWORDS.has(token.toLowerCase()));
  }
  return segments;
}

/** The BMXAA reason codes a line carries, in order, without repeats. */
export function reasonCodes(text: string): string[] {
  return [...new Set(text.match(CODE) ?? [])];
}
