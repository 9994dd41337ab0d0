/**
 * Writes a Reply to the socket. JSON, text and bytes go out with a Content-Length; streams go
 * out chunked, batched into ~64 KB writes and waiting for `drain`, so a 50 MB collection is never
 * held whole. The fault knobs `truncate` and `slow` shape the bytes here.
 */
import type { ServerResponse } from "node:http";
import { errorBody, type MaximoError } from "./errors";
import type { Reply, ReplyBody } from "./types";

export const jsonContentType = "application/json;charset=UTF-8";

export interface WriteShaping {
  /** Declare the full Content-Length, send half the body, then destroy the socket. */
  truncate?: boolean;
  /** Trickle the body at this rate. */
  bytesPerSecond?: number;
}

const batchBytes = 64 * 1024;

export function errorReply(error: MaximoError, contextRoot: string): Reply {
  return {
    status: error.statusCode,
    headers: { ...error.headers },
    body: { kind: "json", value: errorBody(error, `${contextRoot}/oslc`) },
  };
}

function contentTypeOf(body: ReplyBody): string {
  return body.kind === "json" ? jsonContentType : body.contentType;
}

/** The whole body as bytes; streams only when a fault needs the full length. */
async function bodyBytes(body: ReplyBody): Promise<Buffer> {
  switch (body.kind) {
    case "json":
      return Buffer.from(JSON.stringify(body.value) ?? "null", "utf8");
    case "text":
      return Buffer.from(body.text, "utf8");
    case "bytes":
      return body.bytes;
    case "stream": {
      const parts: string[] = [];
      for await (const chunk of body.chunks) parts.push(chunk);
      return Buffer.from(parts.join(""), "utf8");
    }
  }
}

function writeHead(res: ServerResponse, reply: Reply, contentType?: string, length?: number): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.cookies && reply.cookies.length > 0) res.setHeader("set-cookie", reply.cookies);
  if (contentType && !res.hasHeader("content-type")) res.setHeader("content-type", contentType);
  if (length !== undefined) res.setHeader("content-length", length);
  res.writeHead(reply.status);
}

/** Resolves true on `drain`, false when the client went away (then writing stops). */
function drained(res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}

export async function writeReply(res: ServerResponse, reply: Reply, shaping: WriteShaping = {}): Promise<void> {
  const body = reply.body;
  if (!body) {
    writeHead(res, reply, undefined, shaping.truncate ? 64 : undefined);
    if (shaping.truncate) res.destroy();
    else res.end();
    return;
  }
  if (shaping.truncate || shaping.bytesPerSecond) {
    const bytes = await bodyBytes(body);
    writeHead(res, reply, contentTypeOf(body), shaping.truncate ? bytes.length + 1 : bytes.length);
    if (shaping.truncate) {
      // Flush the head and half the body before the socket goes, so the client sees a short body.
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      return;
    }
    await trickle(res, bytes, shaping.bytesPerSecond!);
    return;
  }
  if (body.kind !== "stream") {
    const bytes = await bodyBytes(body);
    writeHead(res, reply, contentTypeOf(body), bytes.length);
    res.end(bytes);
    return;
  }
  writeHead(res, reply, body.contentType);
  let pending = "";
  for await (const chunk of body.chunks) {
    pending += chunk;
    if (pending.length < batchBytes) continue;
    const ok = res.write(pending);
    pending = "";
    if (!ok && !(await drained(res))) return;
    if (res.destroyed) return;
  }
  res.end(pending);
}

/** Sends `bytes` in ten slices a second at `bytesPerSecond`. */
async function trickle(res: ServerResponse, bytes: Buffer, bytesPerSecond: number): Promise<void> {
  const slice = Math.max(1, Math.floor(bytesPerSecond / 10));
  for (let at = 0; at < bytes.length; at += slice) {
    if (res.destroyed) return;
    res.write(bytes.subarray(at, at + slice));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  res.end();
}
