/** Words and figures the page shows: sizes, durations, the summary line. DOM-free. */
import type { ResponseMeta } from "../protocol";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** 12,345: grouped by hand, since the first Intl number format costs tens of ms in a fresh page. */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${grouped}` : grouped;
}

/** Local date and time as 2025-01-31 14:05:09 (no Intl, for the same reason). */
export function formatTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "page 2 of 5", "page 2, more to come", "all 5 pages"; undefined without paging. */
export function pageText(paging: ResponseMeta["paging"]): string | undefined {
  if (!paging) return undefined;
  if (paging.allPages) return `all ${paging.page} ${paging.page === 1 ? "page" : "pages"}`;
  if (paging.pageCount !== undefined) return `page ${paging.page} of ${paging.pageCount}`;
  // Without totalPages the last page is known only once there is no next one.
  return paging.hasNext ? `page ${paging.page}, more to come` : `page ${paging.page} of ${paging.page}`;
}

/** The parts of the summary line: status, time, size, and the page when paged. */
export function summaryParts(meta: ResponseMeta): string[] {
  const parts = [`${meta.status} ${meta.statusText}`.trim(), formatMs(meta.timings.totalMs), formatBytes(meta.size)];
  const page = pageText(meta.paging);
  if (page) parts.push(page);
  if (meta.paging?.totalCount !== undefined) parts.push(`${formatCount(meta.paging.totalCount)} records in all`);
  return parts;
}

/** Whether the body should be read as JSON: by its content type, or by its first character. */
export function looksLikeJson(contentType: string, bytes: Uint8Array): boolean {
  if (/[/+]json\b/i.test(contentType)) return true;
  for (let i = 0; i < Math.min(bytes.length, 64); i++) {
    const byte = bytes[i]!;
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

/** A TextDecoder for the content type's charset, UTF-8 when it names none or one the browser lacks. */
export function decoderFor(contentType: string): InstanceType<typeof TextDecoder> {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (charset) {
    try {
      return new TextDecoder(charset);
    } catch {
      // An unknown label: fall back to UTF-8.
    }
  }
  return new TextDecoder();
}
