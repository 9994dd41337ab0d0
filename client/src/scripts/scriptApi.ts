/**
 * The automation-script calls, over Maximo's standard object structures: MXSCRIPT, or
 * MXAPIAUTOSCRIPT when the server lacks MXSCRIPT or does not let the user use it (BMXAA9301E /
 * BMXAA0024E, PRODUCT.md "Real-server facts"). Lean JSON throughout; updates are POST with
 * `x-method-override: PATCH`, `patchtype: MERGE` and If-Match (JSON API reference §11,
 * practitioner guide "UPDATE").
 */
import type { Executor } from "../http/executor";
import { headerValue } from "../http/response";
import type { ExecutedResponse, ResolvedRequest } from "../http/types";
import { contextRootUrl, resolveMaximoHref } from "../http/maximoHref";
import { nextPageHref, nextPageRequest } from "../http/paging";
import { buildOutgoing } from "../http/url";
import { memberSelect, parseServerScript, parseSummary, type ScriptSummary, type ServerScript } from "./serverScript";

export type ScriptStructure = "mxscript" | "mxapiautoscript";

/** A failed call, as a sentence; `status` and `reasonCode` when the server answered. */
export class ScriptApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly reasonCode?: string,
  ) {
    super(message);
  }
}

/** The codes a real server answers for an object structure it lacks or hides from the user. */
const missingStructureCodes = new Set(["BMXAA9301E", "BMXAA0024E"]);

export function isMissingStructure(response: Pick<ExecutedResponse, "status" | "maximoError">): boolean {
  return response.status >= 400 && missingStructureCodes.has(response.maximoError?.reasonCode.toUpperCase() ?? "");
}

/** "BMXAA4153E - [...]" as the server wrote it, else the HTTP status. */
export function describeFailure(response: Pick<ExecutedResponse, "status" | "statusText" | "maximoError">): string {
  const error = response.maximoError;
  if (!error) return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  const message = error.message.includes(error.reasonCode) || !error.reasonCode ? error.message : `${error.reasonCode} ${error.message}`;
  return `${message}${error.explanation ? ` (${error.explanation})` : ""}`;
}

type ScriptExecutor = Pick<Executor, "connection" | "execute" | "send">;

/** The structure that worked for an executor, so later commands skip the failing MXSCRIPT call. */
const structureByExecutor = new WeakMap<object, ScriptStructure>();

function quoted(name: string): string {
  if (name.includes('"')) throw new ScriptApiError(`The script name ${name} contains a quote, which oslc.where cannot express.`);
  return `"${name}"`;
}

function request(method: string, target: string, query: Array<[string, string]>, headers: Array<[string, string]> = [], body?: string): ResolvedRequest {
  return {
    line: 0,
    method,
    target,
    query: query.map(([key, value]) => ({ key, value })),
    headers,
    ...(body === undefined ? {} : { body }),
    directives: { allPages: false, noRedirect: false },
  };
}

export class ScriptApi {
  constructor(
    private readonly executor: ScriptExecutor,
    private readonly signal?: AbortSignal,
  ) {}

  /** The structure in use: MXSCRIPT until the server refuses it. */
  get structure(): ScriptStructure {
    return structureByExecutor.get(this.executor) ?? "mxscript";
  }

  private async run(resolved: ResolvedRequest): Promise<ExecutedResponse> {
    return this.executor.execute(resolved, this.signal ? { signal: this.signal } : {});
  }

  /** A collection call on the script structure, falling back to MXAPIAUTOSCRIPT once. */
  private async onStructure(build: (structure: ScriptStructure) => ResolvedRequest): Promise<ExecutedResponse> {
    const first = this.structure;
    const response = await this.run(build(first));
    if (first === "mxscript" && isMissingStructure(response)) {
      structureByExecutor.set(this.executor, "mxapiautoscript");
      const second = await this.run(build("mxapiautoscript"));
      if (isMissingStructure(second)) {
        throw new ScriptApiError(
          `Neither MXSCRIPT nor MXAPIAUTOSCRIPT is available to this user on ${this.executor.connection.name} (${second.maximoError?.reasonCode}): ask an administrator to grant access to the MXAPIAUTOSCRIPT object structure.`,
          second.status,
          second.maximoError?.reasonCode,
        );
      }
      return second;
    }
    return response;
  }

  /** An href the server gave (absolute, or relative to the context root), on the connection's own origin. */
  private target(href: string): string {
    const url = resolveMaximoHref(href, contextRootUrl(this.executor.connection));
    return `${url.origin}${url.pathname}`;
  }

  private fail(what: string | undefined, response: ExecutedResponse): never {
    const failure = describeFailure(response).replace(/\.$/, "");
    throw new ScriptApiError(what ? `${what} failed: ${failure}.` : `${failure}.`, response.status, response.maximoError?.reasonCode);
  }

  /** The script called `name` (any case), with its variables and launch points; undefined when there is none. */
  async find(name: string): Promise<ServerScript | undefined> {
    const upper = name.toUpperCase();
    const response = await this.onStructure((structure) =>
      request("GET", `os/${structure}`, [["lean", "1"], ["oslc.select", "autoscript"], ["oslc.where", `autoscript=${quoted(upper)}`]]),
    );
    if (response.status !== 200) this.fail(`Looking up ${upper}`, response);
    const members = (response.json() as { member?: Array<{ href?: string; autoscript?: string }> }).member ?? [];
    const match = members.find((m) => typeof m.href === "string" && String(m.autoscript ?? "").toUpperCase() === upper);
    return match ? this.read(match.href!) : undefined;
  }

  /** GET of one member with everything deploy and extract need, and its ETag. */
  async read(href: string): Promise<ServerScript> {
    const response = await this.run(request("GET", this.target(href), [["lean", "1"], ["oslc.select", memberSelect]]));
    if (response.status !== 200) this.fail("Reading the script", response);
    return parseServerScript(response.json(), href, headerValue(response.headers, "etag"));
  }

  /** Every script: name, description, language, status; page by page (reference §8 nextPage). */
  async list(): Promise<ScriptSummary[]> {
    const query: Array<[string, string]> = [["lean", "1"], ["oslc.select", "autoscript,description,scriptlanguage,status"], ["oslc.orderBy", "+autoscript"], ["oslc.pageSize", "500"]];
    const out: ScriptSummary[] = [];
    let page = await this.onStructure((structure) => request("GET", `os/${structure}`, query));
    const template = buildOutgoing(this.executor.connection, request("GET", `os/${this.structure}`, query));
    for (let count = 1; ; count++) {
      if (page.status !== 200) this.fail("Listing the automation scripts", page);
      const body = page.json();
      for (const member of (body as { member?: unknown[] }).member ?? []) {
        const summary = parseSummary(member);
        if (summary) out.push(summary);
      }
      const next = nextPageHref(body);
      if (next === undefined) return out;
      if (count >= 1000) throw new ScriptApiError("Listing the automation scripts stopped after 1,000 pages; the server keeps answering with more.");
      page = await this.executor.send(nextPageRequest(next, page, template, this.executor.connection), this.signal ? { signal: this.signal } : {});
    }
  }

  /** Which of these launch point names belong to which script (launch point names are unique server-wide). */
  async launchPointOwners(names: readonly string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    if (names.length === 0) return owners;
    const where = `scriptlaunchpoint.launchpointname in [${names.map(quoted).join(",")}]`;
    const response = await this.onStructure((structure) =>
      request("GET", `os/${structure}`, [["lean", "1"], ["oslc.select", "autoscript,scriptlaunchpoint{launchpointname}"], ["oslc.where", where]]),
    );
    if (response.status !== 200) this.fail("Looking up launch points", response);
    const wanted = new Set(names.map((n) => n.toUpperCase()));
    for (const member of (response.json() as { member?: Array<{ autoscript?: string; scriptlaunchpoint?: Array<{ launchpointname?: string }> }> }).member ?? []) {
      for (const lp of member.scriptlaunchpoint ?? []) {
        const lpName = String(lp.launchpointname ?? "").toUpperCase();
        if (wanted.has(lpName) && member.autoscript) owners.set(lpName, member.autoscript);
      }
    }
    return owners;
  }

  /** POST to the collection (one transaction: all of it or nothing); the new member's href. */
  async create(body: Record<string, unknown>): Promise<string> {
    const response = await this.run(
      request("POST", `os/${this.structure}`, [["lean", "1"]], [["content-type", "application/json"]], JSON.stringify(body)),
    );
    if (response.status !== 201 && response.status !== 200) this.fail(undefined, response);
    const location = headerValue(response.headers, "location");
    if (location) return location;
    const href = (response.status === 200 ? (response.json() as { href?: unknown }).href : undefined) as string | undefined;
    if (!href) throw new ScriptApiError(`Creating ${String(body.autoscript)} answered ${response.status} without a Location header.`);
    return href;
  }

  /**
   * A MERGE update of one member (children matched by key and updated or added, never removed:
   * reference §11), guarded by If-Match. Resolves to the ETag the answer carries, if any.
   */
  /** Its errors name no step: the caller's message says which part failed. */
  async merge(href: string, etag: string | undefined, body: Record<string, unknown>): Promise<string | undefined> {
    const headers: Array<[string, string]> = [["content-type", "application/json"], ["x-method-override", "PATCH"], ["patchtype", "MERGE"]];
    if (etag) headers.push(["if-match", etag]);
    const response = await this.run(request("POST", this.target(href), [["lean", "1"]], headers, JSON.stringify(body)));
    if (response.status !== 204 && response.status !== 200) {
      if (response.status === 412) throw new ScriptApiError("the script changed on the server while deploying (HTTP 412: the If-Match ETag is stale).", 412, response.maximoError?.reasonCode);
      this.fail(undefined, response);
    }
    return headerValue(response.headers, "etag");
  }
}
