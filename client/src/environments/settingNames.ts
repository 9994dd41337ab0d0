/**
 * What the language server may learn of REST Client's `rest-client.environmentVariables` setting:
 * its environments and their variable names, every value replaced by `WITHHELD`, so the
 * undefined-variable check knows the names user and workspace settings define while the values
 * (apikeys, passwords, tokens) never leave the extension host. The extension's language client
 * passes every `workspace/configuration` answer through `withheldConfiguration`
 * (client/src/language/settingsMiddleware.ts).
 */
import { REST_CLIENT_SETTING } from "./environmentSet";

/** What every value of the setting becomes: a fixed string that says nothing about the value. */
export const WITHHELD = "";

/** `{ "$shared": { "host": "..." }, "dev": {...} }` with the same environments and names, each value `WITHHELD`; null for anything else. */
export function namesOnly(setting: unknown): Record<string, Record<string, string>> | null {
  if (!isObject(setting)) return null;
  const out: Record<string, Record<string, string>> = {};
  for (const [environment, variables] of Object.entries(setting)) {
    if (!isObject(variables)) continue;
    const names: Record<string, string> = {};
    for (const name of Object.keys(variables)) names[name] = WITHHELD;
    out[environment] = names;
  }
  return out;
}

/**
 * The answer to a `workspace/configuration` request as it may cross to the server: REST Client's
 * setting as `namesOnly`; null for a section that holds it (the whole configuration, or
 * `rest-client`), which the server never asks for; any other section unchanged.
 */
export function withheldConfiguration(items: ReadonlyArray<{ section?: string | null }>, answers: readonly unknown[]): unknown[] {
  return answers.map((answer, index) => {
    // Compared without case: a section spelled otherwise is never let through whole.
    const section = (items[index]?.section ?? "").toLowerCase();
    const setting = REST_CLIENT_SETTING.toLowerCase();
    if (section === setting) return namesOnly(answer);
    if (section === "" || setting.startsWith(`${section}.`)) return null;
    return answer;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
