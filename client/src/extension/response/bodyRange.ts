/**
 * Byte ranges of the shown body on the page's request: a page showing a large body keeps only an
 * index of it (client/webview/model/bodyIndex.ts) and asks for the bytes of the rows and lines on
 * screen. The page is untrusted input, so a range is checked against the body before anything is
 * read; the bytes are read from the body (the temporary file, for a large one) on each request and
 * nothing is cached here.
 */
import type { ResponseBody } from "../../body/responseBody";
import { bodyArrayBuffer } from "./bodyTransfer";

/** The most a page may ask for at once (its own requests stay at 1 MB; this bounds a hostile one). */
export const maxRangeBytes = 4 * 1024 * 1024;

/** Why [start, end) cannot be read from a body of `size` bytes, or undefined when it can. */
export function rangeProblem(size: number, start: number, end: number): string | undefined {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return "the range is not whole numbers";
  if (start < 0 || end < start) return `the range ${start}–${end} is backwards or negative`;
  if (start > size) return `the range starts at ${start}, past the body's ${size} bytes`;
  if (end - start > maxRangeBytes) return `the range of ${end - start} bytes is over the ${maxRangeBytes}-byte limit`;
  return undefined;
}

export type RangeAnswer = { chunk: ArrayBuffer } | { error: string };

/** Bytes [start, end) of the body (cut at its end) as an exact ArrayBuffer, or why not. */
export async function readBodyRange(body: ResponseBody, start: number, end: number): Promise<RangeAnswer> {
  const problem = rangeProblem(body.size, start, end);
  if (problem) return { error: problem };
  try {
    const bytes = await body.read(start, Math.min(end, body.size));
    return { chunk: bodyArrayBuffer(bytes) };
  } catch (error) {
    // A file removed meanwhile: the page says so where the rows would be, rather than a dialog per scroll.
    return { error: `reading the body failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
