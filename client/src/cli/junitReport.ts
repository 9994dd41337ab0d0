/**
 * `maximo run --junit FILE`: the run as JUnit XML, the format CI servers (Jenkins, GitLab, Azure
 * Pipelines, GitHub test reporters) read. One `<testsuite>` per file, one `<testcase>` per
 * request; `<failure>` when the status or an expectation failed, `<error>` when the request got
 * no answer to judge (a variable, the connection, the transport). Text passes the same redaction
 * as the terminal lines, so no secret reaches the report.
 */
import type { RequestOutcome } from "./runReport";
import { failureLines } from "./runReport";

export interface FileRun {
  /** The file as the terminal lines show it (relative to the working folder). */
  file: string;
  outcomes: RequestOutcome[];
  /** Wall-clock time for the file, ms. */
  durationMs: number;
  /** When the file started. */
  startedAt: Date;
}

/** Characters XML 1.0 cannot carry even as references (C0 controls but tab, LF, CR; U+FFFE/FFFF; lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content: markup characters as entities; characters XML cannot hold written as `\uXXXX`. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** An attribute value in double quotes; line breaks and tabs as references so parsers keep them. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** `2026-12-06T20:58:00`, UTC, as the JUnit schema's timestamp has no zone. */
const timestamp = (date: Date) => date.toISOString().slice(0, 19);

/** What a request's test case is called: its name, else its method, with the line it is on. */
function caseName(outcome: RequestOutcome): string {
  return `${outcome.name ?? outcome.method} (line ${outcome.line})`;
}

/** The report; every text passes through `redact` first. */
export function junitXml(runs: readonly FileRun[], redact: (text: string) => string): string {
  const attr = (text: string) => xmlAttribute(redact(text));
  const body = (text: string) => xmlText(redact(text));
  const count = (outcomes: readonly RequestOutcome[]) => ({
    tests: outcomes.length,
    failures: outcomes.filter((o) => !o.passed && o.status !== undefined).length,
    errors: outcomes.filter((o) => !o.passed && o.status === undefined).length,
  });
  const all = count(runs.flatMap((r) => r.outcomes));
  const totalMs = runs.reduce((sum, r) => sum + r.durationMs, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="maximo run" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" time="${seconds(totalMs)}">`,
  ];
  runs.forEach((run, id) => {
    const c = count(run.outcomes);
    lines.push(
      `  <testsuite name="${attr(run.file)}" id="${id}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="0" time="${seconds(run.durationMs)}" timestamp="${timestamp(run.startedAt)}" file="${attr(run.file)}">`,
    );
    for (const outcome of run.outcomes) {
      const open = `    <testcase name="${attr(caseName(outcome))}" classname="${attr(run.file)}" file="${attr(run.file)}" line="${outcome.line}" time="${seconds(outcome.totalMs ?? 0)}"`;
      if (outcome.passed) {
        lines.push(`${open}/>`);
        continue;
      }
      const details = failureLines(outcome);
      // A failure without a sentence is a status that no expectation accepted.
      const status = outcome.status === undefined ? "" : `HTTP ${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ""}`;
      const message = details[0] ?? status;
      const kind = outcome.status === undefined ? "error" : "failure";
      const type = outcome.status === undefined ? "RequestError" : outcome.expectations.some((e) => !e.passed) ? "ExpectationFailed" : "StatusFailed";
      const text = [`${outcome.method} ${outcome.label}${status ? ` → ${status}` : ""}`, ...details].join("\n");
      lines.push(`${open}>`, `      <${kind} message="${attr(message)}" type="${type}">${body(text)}</${kind}>`, "    </testcase>");
    }
    lines.push("  </testsuite>");
  });
  lines.push("</testsuites>");
  return lines.join("\n") + "\n";
}
