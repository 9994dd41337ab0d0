/**
 * Test Connection: `GET whoami` and `GET systeminfo` under the connection's API root (JSON API
 * reference §3, "API home"), through its executor so sign-in, TLS and proxy are exercised as a
 * request would. The outcome is a sentence and, on failure, the action most likely to help.
 */
import type { Executor } from "../../http/executor";
import { TransportError, type ExecutedResponse, type ResolvedRequest } from "../../http/types";

export type TestAction = "reenterSecret" | "openSettings" | "showLog";

export type ConnectionTestResult =
  | { ok: true; connection: string; user: string; site?: string; version?: string; message: string }
  | { ok: false; connection: string; message: string; action: TestAction };

export async function testConnection(executor: Executor, signal?: AbortSignal): Promise<ConnectionTestResult> {
  const name = executor.connection.name;
  const failed = (reason: string, action: TestAction): ConnectionTestResult => ({
    ok: false,
    connection: name,
    message: `Test of connection "${name}" failed: ${reason}`,
    action,
  });
  let whoami: Record<string, unknown>;
  let systeminfo: Record<string, unknown> | undefined;
  try {
    const who = await executor.execute(get("whoami"), { signal });
    const problem = answerProblem(who, "whoami");
    if (problem) return failed(problem.reason, problem.action);
    whoami = jsonObject(who)!;
    // systeminfo may be closed to a user who can sign in; the test still passes without a version.
    const info = await executor.execute(get("systeminfo"), { signal });
    systeminfo = info.status === 200 ? jsonObject(info) : undefined;
  } catch (error) {
    return failed(...thrownProblem(error));
  }
  const user = text(whoami, "userName") ?? text(whoami, "loginID") ?? text(whoami, "personid") ?? "(unknown user)";
  const site = text(whoami, "defaultSite") ?? text(whoami, "insertSite");
  const version = systeminfo ? (text(systeminfo, "version") ?? text(systeminfo, "appVersion") ?? text(systeminfo, "maxupgVersion")) : undefined;
  const product = systeminfo ? text(systeminfo, "product") : undefined;
  const parts = [`signed in as ${user}`, site ? `default site ${site}` : undefined, version ? `${product ? `${product} ` : ""}${version}` : undefined];
  return {
    ok: true,
    connection: name,
    user,
    ...(site ? { site } : {}),
    ...(version ? { version } : {}),
    message: `Connection "${name}" works: ${parts.filter(Boolean).join(", ")}.`,
  };
}

function get(target: string): ResolvedRequest {
  return { line: 0, method: "GET", target, query: [], headers: [["accept", "application/json"]], directives: { allPages: false, noRedirect: false } };
}

function answerProblem(response: ExecutedResponse, what: string): { reason: string; action: TestAction } | undefined {
  const maximo = response.maximoError ? ` (${response.maximoError.reasonCode}: ${response.maximoError.message})` : "";
  const where = response.request.url.href;
  if (response.status === 401 || response.status === 403) {
    return { reason: `the server refused the credentials for ${what}: HTTP ${response.status}${maximo}. Enter the secret again or check the user name.`, action: "reenterSecret" };
  }
  if (response.status === 404) {
    return { reason: `there is no Maximo API at ${where} (HTTP 404). Check the URL (up to the context root, e.g. https://host/maximo) and the API root.`, action: "openSettings" };
  }
  if (response.status >= 300) {
    return { reason: `${what} answered HTTP ${response.status}${maximo}. See the log for the details.`, action: "showLog" };
  }
  if (!jsonObject(response)) {
    const type = response.headers.find(([header]) => header === "content-type")?.[1] ?? "no content type";
    return { reason: `${where} answered with something other than JSON (${type}), such as a sign-on page or a proxy; check the URL and the sign-in method.`, action: "openSettings" };
  }
  return undefined;
}

function thrownProblem(error: unknown): [string, TestAction] {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TransportError) {
    if (error.kind === "cancelled") return ["it was cancelled.", "showLog"];
    return [`${message} Check the URL, the network and the TLS settings (caFile, insecure).`, "openSettings"];
  }
  // The authenticators' own sentences: a refused login, an expired password, a missing secret.
  if (/refused|expired|has no (API key|password|OAuth client secret)|enter it again/i.test(message)) return [message, "reenterSecret"];
  // A login or token endpoint that is not there: the URL or its context root is wrong.
  if (/with HTTP 404\b|answered HTTP 404\b/.test(message)) return [`${message} Check the URL: it should end at the context root, e.g. https://host/maximo.`, "openSettings"];
  if (/has no (user name|OAuth client id)|neither "tokenUrl" nor "issuer"|check tokenUrl|check "issuer"/i.test(message)) return [message, "openSettings"];
  return [message, "showLog"];
}

function jsonObject(response: ExecutedResponse): Record<string, unknown> | undefined {
  try {
    const value = response.json();
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A string field, bare or with a namespace prefix (`spi:userName`) as non-lean answers carry. */
function text(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key] ?? Object.entries(record).find(([name]) => name.endsWith(`:${key}`))?.[1];
  return typeof value === "string" && value !== "" ? value : undefined;
}
