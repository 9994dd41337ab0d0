/**
 * Send all pages: every page's members in one `{"member": [...]}` body, built a page at a time
 * (each page is parsed alone, so the host never parses one giant text) and written as it grows:
 * past the spill threshold it goes to a temporary file, so the host holds one page at a time.
 */
import { BodySink } from "../../body/bodySink";
import { processBodyStorage, type BodyStorage } from "../../body/bodyStorage";
import type { ResponseBody } from "../../body/responseBody";
import type { ExecutedResponse } from "../../http/types";

export interface CombinedPages {
  /** The first page's request and headers with the joined body; a failing first page as it came. */
  response: ExecutedResponse;
  pages: number;
  members: number;
}

export async function combinePages(source: AsyncIterable<ExecutedResponse>, bodies: BodyStorage = processBodyStorage()): Promise<CombinedPages> {
  let first: ExecutedResponse | undefined;
  const sink = new BodySink(bodies);
  await sink.write(Buffer.from('{"member":['));
  let pages = 0;
  let members = 0;
  let totalMs = 0;
  let size = 0;
  let attempts = 0;
  for await (const page of source) {
    pages++;
    first ??= page;
    totalMs += page.timings.totalMs;
    size += page.size;
    attempts += page.attempts;
    if (page.status >= 400) {
      if (page === first) return { response: page, pages, members };
      const reason = page.maximoError ? ` (${page.maximoError.reasonCode} ${page.maximoError.message})` : "";
      throw new Error(`Page ${pages} failed with HTTP ${page.status}${reason}; ${members} members from the pages before it were not shown.`);
    }
    const list = membersOf(page);
    if (list.length > 0) {
      const json = JSON.stringify(list);
      await sink.write(Buffer.from(`${members > 0 ? "," : ""}${json.slice(1, -1)}`));
      members += list.length;
    }
  }
  if (!first) throw new Error("The server sent no page.");
  await sink.write(Buffer.from(`],"responseInfo":{"totalCount":${members}}}`));
  const body: ResponseBody = await sink.finish();
  const response: ExecutedResponse = {
    request: first.request,
    status: first.status,
    statusText: first.statusText,
    headers: first.headers.filter(([name]) => name !== "content-length"),
    timings: { connectMs: first.timings.connectMs, firstByteMs: first.timings.firstByteMs, totalMs },
    size,
    body,
    get bytes() {
      return body.readAll("reading the joined pages");
    },
    attempts,
    text: () => body.readAll("reading the joined pages as text").toString("utf8"),
    json: () => JSON.parse(body.readAll("parsing the joined pages").toString("utf8")),
  };
  return { response, pages, members };
}

function membersOf(page: ExecutedResponse): unknown[] {
  const body = page.json();
  if (typeof body !== "object" || body === null) return [];
  const list = (body as Record<string, unknown>).member ?? (body as Record<string, unknown>)["rdfs:member"];
  return Array.isArray(list) ? list : [];
}
