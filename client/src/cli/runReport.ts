/** How `maximo run` words its result lines. Every line goes through redaction before printing. */
import type { ExecutedResponse, MaximoErrorInfo } from "../http/types";

export interface ExpectationResult {
  text: string;
  passed: boolean;
  detail?: string;
}

export interface RequestOutcome {
  /** `file:line name`. */
  label: string;
  method: string;
  status?: number;
  statusText?: string;
  totalMs?: number;
  size?: number;
  expectations: ExpectationResult[];
  /** All-pages: members and pages streamed. */
  paging?: { members: number; pages: number };
  maximoError?: MaximoErrorInfo;
  /** A failure without a usable response (variable, transport, refused write), as a sentence. */
  error?: string;
  passed: boolean;
  /** Extra lines (verbose headers, output files). */
  notes: string[];
  /** `--server-log` / `# @server-log`: the server's thread-log lines this request caused. */
  serverLog?: string[];
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** The result line and its detail lines. */
export function outcomeLines(outcome: RequestOutcome): string[] {
  const parts = [outcome.passed ? "PASS" : "FAIL", outcome.label, outcome.method];
  if (outcome.status !== undefined) parts.push(`${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ""}`);
  if (outcome.totalMs !== undefined) parts.push(formatMs(outcome.totalMs));
  if (outcome.size !== undefined) parts.push(formatSize(outcome.size));
  if (outcome.paging) parts.push(`${outcome.paging.members} members in ${outcome.paging.pages} page(s)`);
  if (outcome.expectations.length > 0) {
    const passed = outcome.expectations.filter((e) => e.passed).length;
    const failed = outcome.expectations.length - passed;
    parts.push(failed === 0 ? `✓ ${passed}` : `✓ ${passed} ✗ ${failed}`);
  }
  const lines = [parts.join("  ")];
  if (outcome.error) lines.push(`    ${outcome.error}`);
  for (const expectation of outcome.expectations) {
    if (!expectation.passed) lines.push(`    ✗ ${expectation.text}${expectation.detail ? `: ${expectation.detail}` : ""}`);
  }
  const error = outcome.maximoError;
  if (error) {
    // Maximo often starts the message with the code itself ("BMXAA8727E - The record ...").
    const message = error.reasonCode && error.message.startsWith(error.reasonCode) ? error.message.slice(error.reasonCode.length).replace(/^\s*-\s*/, "") : error.message;
    lines.push(`    ${error.reasonCode || `HTTP ${error.statusCode}`}: ${message}`);
    if (error.explanation) lines.push(`    ${error.explanation}`);
  }
  lines.push(...outcome.notes.map((note) => `    ${note}`));
  if (outcome.serverLog) {
    lines.push(outcome.serverLog.length === 0 ? "    server log: no lines" : `    server log (${outcome.serverLog.length} line${outcome.serverLog.length === 1 ? "" : "s"}):`);
    lines.push(...outcome.serverLog.map((line) => `      ${escapeControls(line)}`));
  }
  return lines;
}

/** Verbose: the request line and headers sent, and the headers received (values already masked). */
export function verboseLines(response: ExecutedResponse, redactHeaders: (h: Iterable<[string, string]>) => Array<[string, string]>): string[] {
  const request = response.request;
  return [
    `> ${request.method} ${request.url.href}`,
    ...redactHeaders(request.headers).map(([name, value]) => `> ${name}: ${value}`),
    `< ${response.status} ${response.statusText}`,
    ...redactHeaders(response.headers).map(([name, value]) => `< ${name}: ${value}`),
  ];
}

/** A failed request whose status no expectation accepted: 4xx/5xx fail unless a `status` expectation passed. */
export function statusAccepted(status: number, expectations: readonly ExpectationResult[]): boolean {
  if (status < 400) return true;
  return expectations.some((e) => e.passed && /^status\b/.test(e.text));
}

/** Control characters (ESC, BEL, ...) shown escaped: text from a server never drives the terminal. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
