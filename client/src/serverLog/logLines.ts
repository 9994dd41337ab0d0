/** Hints for the BMXAA codes in thread-log lines: the same sentences the error banner gives them. */
import { reasonCodes } from "../../webview/model/serverLog";
import { explainMaximoError } from "../http/maximoError";

/** The reason codes in `lines` that have a hint, with that hint. */
export function codeHints(lines: readonly string[]): Record<string, string> {
  const hints: Record<string, string> = {};
  for (const line of lines) {
    for (const code of reasonCodes(line)) {
      const hint = explainMaximoError(code, 0);
      if (hint) hints[code] = hint;
    }
  }
  return hints;
}
