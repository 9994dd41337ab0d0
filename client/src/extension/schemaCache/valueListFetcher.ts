/**
 * Fills `lists/<os>/<attr>.json` of one connection's cache folder for the `hasList` attributes
 * open files use, written atomically, byte for byte as the server answered. A value list hangs off
 * a record (`getlist~<attr>`, JSON API reference §10), so a few member hrefs per structure are read
 * first (`os/<os>?oslc.select=href&oslc.pageSize=5&lean=1`) and the first record whose list holds
 * values is used. One record's list holds only the states it may move to; when its rows name a
 * synonym domain, the whole domain is saved instead, read as IBM's mobile apps read it
 * (`os/mxapisynonymdomain?oslc.where=domainid="X"`, PRODUCT.md), if the server has MXAPISYNONYMDOMAIN.
 * Once per connection and attribute: what is cached, what the server refused and which structures
 * have no record are remembered until a forced refresh. Knows no VS Code.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ConnectionConfig } from "../../connections/types";
import type { ExecutedResponse } from "../../http/types";
import { parseJsonSchema } from "../../../../server/src/schema/jsonSchemaParser";
import { writeFileAtomic } from "./atomicWrite";
import { isCacheableName, listFile, schemaFile } from "./cacheLayout";
import type { ListUse } from "./listUses";
import type { SendRequest } from "./schemaFetcher";
import { metadataRoot } from "./schemaUrls";

export interface ValueListReport {
  /** `os/attr` saved now. */
  fetched: string[];
  /** Structures without a record to ask (reported once per connection). */
  empty: string[];
  failed: Array<{ name: string; reason: string }>;
}

export interface ValueListFetcherOptions {
  connection: Pick<ConnectionConfig, "name" | "url">;
  folder: string;
  send: SendRequest;
}

type Outcome = { ok: true } | { ok: false; reason: string; refused: boolean };

export class ValueListFetcher {
  /** `os/attr` saved (this session or found on disk). */
  private readonly cached = new Set<string>();
  /** `os/attr` the server answered with an error: not asked again until a forced refresh. */
  private readonly refused = new Set<string>();
  /** Structures whose collection is empty: no record to ask a list of. */
  private readonly emptyStructures = new Set<string>();
  private readonly members = new Map<string, Promise<MemberOutcome>>();
  private readonly inFlight = new Map<string, Promise<Outcome>>();
  private diskRead: Promise<void> | undefined;

  constructor(private readonly options: ValueListFetcherOptions) {}

  get folder(): string {
    return this.options.folder;
  }

  /** `os/attr` of every list in the folder. */
  async cachedLists(): Promise<ListUse[]> {
    const out: ListUse[] = [];
    const root = join(this.folder, "lists");
    for (const os of await readdir(root).catch(() => [] as string[])) {
      for (const file of await readdir(join(root, os)).catch(() => [] as string[])) {
        if (file.endsWith(".json")) out.push({ os, attribute: file.slice(0, -5) });
      }
    }
    return out;
  }

  /**
   * Makes sure the lists of `uses` that are `hasList` attributes in the cached schemas are saved.
   * With `force` (Refresh Schemas) everything asked is fetched again and refusals are forgotten.
   */
  async ensureLists(uses: Iterable<ListUse>, options: { force?: boolean } = {}): Promise<ValueListReport> {
    const report: ValueListReport = { fetched: [], empty: [], failed: [] };
    if (options.force) {
      this.cached.clear();
      this.refused.clear();
      this.emptyStructures.clear();
      this.members.clear();
    } else {
      await (this.diskRead ??= this.readDisk());
    }
    const byStructure = new Map<string, Set<string>>();
    for (const { os, attribute } of uses) {
      const key = `${os}/${attribute}`;
      if (this.cached.has(key) || this.refused.has(key) || this.emptyStructures.has(os)) continue;
      if (!byStructure.has(os)) byStructure.set(os, new Set());
      byStructure.get(os)!.add(attribute);
    }
    for (const [os, attributes] of byStructure) {
      const listed = await this.listAttributes(os);
      const wanted = [...attributes].filter((attribute) => listed.has(attribute));
      if (wanted.length === 0) continue;
      const member = await this.memberOf(os);
      if (member.kind === "empty") {
        if (!this.emptyStructures.has(os)) report.empty.push(os);
        this.emptyStructures.add(os);
        continue;
      }
      if (member.kind === "failed") {
        if (member.refused) for (const attribute of wanted) this.refused.add(`${os}/${attribute}`);
        this.members.delete(os);
        report.failed.push({ name: os, reason: member.reason });
        continue;
      }
      for (const attribute of wanted) {
        const key = `${os}/${attribute}`;
        // Another call may have saved or been refused it while this one read the schema and member.
        if (this.cached.has(key) || this.refused.has(key)) continue;
        const outcome = await this.once(key, () => this.download(member.hrefs, os, attribute));
        if (outcome.ok) {
          this.cached.add(key);
          report.fetched.push(key);
        } else {
          if (outcome.refused) this.refused.add(key);
          report.failed.push({ name: key, reason: outcome.reason });
        }
      }
    }
    return report;
  }

  private async readDisk(): Promise<void> {
    for (const { os, attribute } of await this.cachedLists()) this.cached.add(`${os}/${attribute}`);
  }

  /** Lower-case names of the attributes the cached schema marks `hasList`; none without a schema. */
  private async listAttributes(os: string): Promise<Set<string>> {
    if (!isCacheableName(os)) return new Set();
    const text = await readFile(schemaFile(this.folder, os), "utf8").catch(() => undefined);
    const parsed = text === undefined ? undefined : parseJsonSchema(text, os, "cache");
    if (!parsed?.ok) return new Set();
    return new Set([...parsed.value.attributes.values()].filter((a) => a.hasList && !a.child && !a.childRef).map((a) => a.name.toLowerCase()));
  }

  private memberOf(os: string): Promise<MemberOutcome> {
    let pending = this.members.get(os);
    if (!pending) {
      pending = this.findMember(os);
      this.members.set(os, pending);
    }
    return pending;
  }

  private async findMember(os: string): Promise<MemberOutcome> {
    const url = new URL(`os/${encodeURIComponent(os)}`, metadataRoot(this.options.connection));
    // A few records: one record's list holds only the states it may move to (none for a cancelled one).
    url.search = `?oslc.select=href&oslc.pageSize=${MEMBERS_TRIED}&lean=1`;
    const answer = await this.get(url);
    if (!answer.ok) return { kind: "failed", reason: answer.reason, refused: answer.refused };
    let body: unknown;
    try {
      body = JSON.parse(answer.response.text());
    } catch {
      return { kind: "failed", reason: `${where(url)} answered with something other than JSON`, refused: false };
    }
    const members = (body as { member?: unknown })?.member;
    if (!Array.isArray(members) || members.length === 0) return { kind: "empty" };
    const hrefs: URL[] = [];
    for (const member of members.slice(0, MEMBERS_TRIED)) {
      const href = (member as { href?: unknown })?.href;
      if (typeof href !== "string" || href === "") return { kind: "failed", reason: `${where(url)} answered a member without an href`, refused: true };
      // A relative href (relativeuri=1) is relative to the context root, not to this request's path.
      const resolved = new URL(href, `${this.options.connection.url.replace(/\/+$/, "")}/`);
      // Credentials go only to the connection's own server.
      if (resolved.origin !== new URL(this.options.connection.url).origin) {
        return { kind: "failed", reason: `${where(url)} answered a member on another server (${resolved.origin}); not followed`, refused: true };
      }
      hrefs.push(resolved);
    }
    return { kind: "member", hrefs };
  }

  /**
   * The list to save for one attribute: the first record whose `getlist~` answer holds values; for
   * a synonym domain (its rows name their `domainid`) the whole domain as IBM's mobile apps read it,
   * `os/mxapisynonymdomain?oslc.where=domainid="X"` (PRODUCT.md), when the server has that structure.
   */
  private async download(members: readonly URL[], os: string, attribute: string): Promise<Outcome> {
    let chosen: ExecutedResponse | undefined;
    for (const member of members) {
      const answer = await this.getlist(member, attribute);
      if (!answer.ok) return answer;
      chosen = answer.response;
      const rows = answer.rows;
      if (rows.length === 0) continue;
      const domainid = rows.map((row) => row.domainid).find((id): id is string => typeof id === "string" && id !== "");
      if (domainid) chosen = (await this.wholeSynonymDomain(domainid)) ?? chosen;
      break;
    }
    if (!chosen) return { ok: false, reason: `no record of ${os} to read the list of ${attribute} through`, refused: false };
    try {
      await writeFileAtomic(listFile(this.folder, os, attribute), chosen.bytes);
    } catch (error) {
      return { ok: false, reason: `saving the list of ${os}/${attribute} failed: ${error instanceof Error ? error.message : String(error)}`, refused: false };
    }
    return { ok: true };
  }

  private async getlist(member: URL, attribute: string): Promise<{ ok: true; response: ExecutedResponse; rows: Array<Record<string, unknown>> } | { ok: false; reason: string; refused: boolean }> {
    const url = new URL(member.href);
    url.pathname = `${url.pathname.replace(/\/+$/, "")}/getlist~${encodeURIComponent(attribute)}`;
    // Without oslc.select a collection answers links only; the guide's §10 example selects *.
    url.search = "?lean=1&oslc.select=*";
    const answer = await this.get(url);
    if (!answer.ok) return answer;
    let body: unknown;
    try {
      body = JSON.parse(answer.response.text());
    } catch {
      return { ok: false, reason: `${where(url)} answered with something other than JSON`, refused: false };
    }
    const rows = (body as { member?: unknown })?.member;
    return { ok: true, response: answer.response, rows: Array.isArray(rows) ? rows.filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null) : [] };
  }

  /** The whole synonym domain, or undefined when the server has no MXAPISYNONYMDOMAIN or no rows for it. */
  private async wholeSynonymDomain(domainid: string): Promise<ExecutedResponse | undefined> {
    const url = new URL("os/mxapisynonymdomain", metadataRoot(this.options.connection));
    url.search = `?lean=1&oslc.select=*&oslc.pageSize=1000&oslc.where=${encodeURIComponent(`domainid="${domainid}"`)}`;
    const answer = await this.get(url);
    if (!answer.ok) return undefined;
    try {
      const rows = (JSON.parse(answer.response.text()) as { member?: unknown }).member;
      return Array.isArray(rows) && rows.length > 0 ? answer.response : undefined;
    } catch {
      return undefined;
    }
  }

  /** A 200 answer, or why not; `refused`: the server answered that it will not (asking again will not help). */
  private async get(url: URL): Promise<{ ok: true; response: ExecutedResponse } | { ok: false; reason: string; refused: boolean }> {
    let response: ExecutedResponse;
    try {
      response = await this.options.send({ method: "GET", url, headers: new Map([["accept", "application/json"]]) });
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error), refused: false };
    }
    if (response.status === 200) return { ok: true, response };
    const maximo = response.maximoError ? ` (${response.maximoError.reasonCode}: ${response.maximoError.message})` : "";
    const refused = response.status >= 400 && response.status < 500 && ![401, 403, 408, 429].includes(response.status);
    return { ok: false, reason: `${where(url)} answered HTTP ${response.status}${maximo}`, refused };
  }

  private once(key: string, run: () => Promise<Outcome>): Promise<Outcome> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = run().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }
}

type MemberOutcome = { kind: "member"; hrefs: URL[] } | { kind: "empty" } | { kind: "failed"; reason: string; refused: boolean };

/** Records whose lists are tried, in order, until one holds values. */
const MEMBERS_TRIED = 5;

function where(url: URL): string {
  return `${url.pathname}${url.search}`;
}
