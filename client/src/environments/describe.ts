/** Sentences for a variable's source and value, as the hover shows them (plain text, no markup). */
import { mask } from "../http/redact";
import { originLabel } from "./environmentSet";
import type { VariableExplanation, VariableSource } from "./provenance";

export function describeSource(source: VariableSource): string {
  switch (source.kind) {
    case "fileVariable":
      return `file variable @${source.name} (line ${source.line})`;
    case "environment":
      return `environment "${source.environment}" in ${originLabel(source.origin)}`;
    case "shared":
      return `"$shared" in ${originLabel(source.origin)}`;
    case "dotenv":
      return source.file ? `.env file ${source.file}` : `.env (no .env file defines ${source.name})`;
    case "processEnv":
      return `process environment variable ${source.name}`;
    case "chained":
      return `the response of request "${source.request}"${source.line === undefined ? " (no request has this name)" : ` (line ${source.line})`}`;
    case "system":
      return `system variable ${source.name}`;
    case "undefined":
      return `not defined (no @${source.name} line, environment or $shared has it)`;
  }
}

/** The value line: the value, the mask for a secret, or why there is none. */
export function describeValue(explanation: VariableExplanation): string {
  if (explanation.masked) return `${mask} (secret: not shown)`;
  if (explanation.value !== undefined) return explanation.changesPerSend ? `${explanation.value} (computed again at each send)` : explanation.value;
  return explanation.problem ?? "unknown until sent";
}
