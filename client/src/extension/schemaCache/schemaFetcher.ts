/**
 * Fills one connection's cache folder: `apimeta` and, on demand, `jsonschemas/{os}`, saved byte
 * for byte as the server sent them (written atomically, so the language server never reads half
 * a file). One fetch per file at a time: a second caller waits for the one in flight. Knows no
 * VS Code; the controller decides when to fetch.
 */
import { readdir, readFile } from "node:fs/promises";
import type { SendRawOptions } from "../../http/executor";
import type { ExecutedResponse, OutgoingRequest } from "../../http/types";
import type { ConnectionConfig } from "../../connections/types";
import { parseApimeta } from "../../../../server/src/schema/apimetaParser";
import { writeFileAtomic } from "./atomicWrite";
import { apimetaFile, isCacheableName, schemaDir, schemaFile } from "./cacheLayout";
import { apimetaUrl, jsonSchemaUrl } from "./schemaUrls";

export type SendRequest = (outgoing: OutgoingRequest, options?: SendRawOptions) => Promise<ExecutedResponse>;

export type FetchOutcome =
  | { ok: true }
  /** `unavailable`: the server answered that it has no such thing (4xx other than 401/403); retrying will not help. */
  | { ok: false; reason: string; unavailable: boolean };

export interface SchemaFetchReport {
  fetched: string[];
  /** Names skipped because apimeta does not list them (or the server said it has none). */
  skipped: string[];
  failed: Array<{ name: string; reason: string }>;
}

export interface SchemaFetcherOptions {
  connection: Pick<ConnectionConfig, "name" | "url">;
  folder: string;
  send: SendRequest;
  /** Parallel schema requests; a server is not flooded when a file uses many structures. */
  concurrency?: number;
}

export class SchemaFetcher {
  private readonly inFlight = new Map<string, Promise<FetchOutcome>>();
  /** Structures the server said it does not serve; asked again only on a forced refresh. */
  private readonly unavailable = new Set<string>();
  private listed: Set<string> | undefined | null;

  constructor(private readonly options: SchemaFetcherOptions) {}

  get folder(): string {
    return this.options.folder;
  }

  /** Fetches `apimeta` again (a second call while one runs shares it). */
  refreshApimeta(signal?: AbortSignal): Promise<FetchOutcome> {
    return this.once("apimeta", async () => {
      const outcome = await this.download(apimetaUrl(this.options.connection), apimetaFile(this.folder), signal);
      if (outcome.ok) this.listed = undefined;
      return outcome;
    });
  }

  /**
   * Makes sure the schemas of `names` are cached: fetches the missing ones (all of them with
   * `force`), skipping names apimeta does not list.
   */
  async ensureSchemas(names: Iterable<string>, options: { force?: boolean; signal?: AbortSignal } = {}): Promise<SchemaFetchReport> {
    const report: SchemaFetchReport = { fetched: [], skipped: [], failed: [] };
    const listed = await this.listedNames();
    const cached = new Set(await this.cachedSchemaNames());
    if (options.force) this.unavailable.clear();
    const wanted: string[] = [];
    for (const raw of new Set(names)) {
      const name = raw.toLowerCase();
      if (!isCacheableName(name) || (listed && !listed.has(name)) || this.unavailable.has(name)) report.skipped.push(name);
      else if (options.force || !cached.has(name)) wanted.push(name);
    }
    await runPool(wanted, this.options.concurrency ?? 4, async (name) => {
      const outcome = await this.fetchSchema(name, options.signal);
      if (outcome.ok) report.fetched.push(name);
      else if (outcome.unavailable) {
        this.unavailable.add(name);
        report.skipped.push(name);
      } else report.failed.push({ name, reason: outcome.reason });
    });
    return report;
  }

  /** Lower-case names of the schema files in the folder. */
  async cachedSchemaNames(): Promise<string[]> {
    try {
      return (await readdir(schemaDir(this.folder))).filter((file) => file.endsWith(".json")).map((file) => file.slice(0, -5));
    } catch {
      return [];
    }
  }

  private fetchSchema(name: string, signal?: AbortSignal): Promise<FetchOutcome> {
    return this.once(`jsonschemas/${name}`, () => this.download(jsonSchemaUrl(this.options.connection, name), schemaFile(this.folder, name), signal));
  }

  /** Lower-case names apimeta lists; undefined when there is no usable apimeta to judge by. */
  private async listedNames(): Promise<Set<string> | undefined> {
    if (this.listed === undefined) {
      const text = await readFile(apimetaFile(this.folder), "utf8").catch(() => undefined);
      const parsed = text === undefined ? undefined : parseApimeta(text);
      this.listed = parsed?.ok ? new Set(parsed.value.map((entry) => entry.name)) : null;
    }
    return this.listed ?? undefined;
  }

  private once(key: string, run: () => Promise<FetchOutcome>): Promise<FetchOutcome> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = run().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async download(url: URL, file: string, signal?: AbortSignal): Promise<FetchOutcome> {
    let response: ExecutedResponse;
    try {
      response = await this.options.send({ method: "GET", url, headers: new Map([["accept", "application/json"]]) }, { signal });
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error), unavailable: false };
    }
    const where = `${url.pathname}${url.search}`;
    if (response.status !== 200) {
      const maximo = response.maximoError ? ` (${response.maximoError.reasonCode}: ${response.maximoError.message})` : "";
      const unavailable = response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 403 && response.status !== 429;
      return { ok: false, reason: `${where} answered HTTP ${response.status}${maximo}`, unavailable };
    }
    try {
      JSON.parse(response.text());
    } catch {
      // A sign-on page or a proxy's answer must not replace a good cached copy.
      return { ok: false, reason: `${where} answered with something other than JSON`, unavailable: false };
    }
    try {
      await writeFileAtomic(file, response.bytes);
    } catch (error) {
      return { ok: false, reason: `saving ${file} failed: ${error instanceof Error ? error.message : String(error)}`, unavailable: false };
    }
    return { ok: true };
  }
}

async function runPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
