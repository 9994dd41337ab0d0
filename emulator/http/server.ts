/**
 * The HTTP platform: reads a request (path, query, headers, capped body), applies the fault
 * knobs, authenticates, routes, and writes the reply. Every failure leaves as a Maximo error
 * body (JSON API reference error shape); nothing a client sends can crash the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Emulator } from "../emulator";
import type { FaultList } from "../control/faults";
import type { RequestLog, LoggedRequest } from "../control/requestLog";
import { traced } from "../threadLog/requestTrace";
import { routeApi } from "./apiRoutes";
import { authEndpointOf, type AuthHook } from "./authHook";
import { errorBody, MaximoError } from "./errors";
import { platformErrors } from "./platformErrors";
import { parseQuery, parseSegments } from "./query";
import { errorReply, jsonContentType, writeReply, type WriteShaping } from "./reply";
import type { ApiRequest, Reply } from "./types";

export interface Platform {
  emulator: Emulator;
  auth: AuthHook;
  faults: FaultList;
  log: RequestLog;
  /** The test-only control API (`/emulator/...`). */
  control(request: ApiRequest): Reply | Promise<Reply>;
  /** Largest request body accepted; larger ones get 413. */
  maxBodyBytes: number;
  /** Extra latency added to every API request (CLI `--latency`). */
  latencyMs: number;
}

type Area = "api" | "auth" | "control" | "other";

// Unref: a request held by a latency fault must not keep a closed emulator's process alive.
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

function contextRootOf(socket: Socket): string {
  return `http://127.0.0.1:${socket.localPort}/maximo`;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Reads the body, refusing more than `limit` bytes (413) without buffering the excess. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      reject(platformErrors.bodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        reject(platformErrors.bodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Splits `/maximo/oslc/os/x` into the area, the API root and the path after it. */
function classify(path: string): { area: Area; apiRoot: "oslc" | "api"; rest: string } {
  if (authEndpointOf(path)) return { area: "auth", apiRoot: path.toLowerCase().startsWith("/maximo/api/") ? "api" : "oslc", rest: path };
  const api = /^\/maximo\/(oslc|api)(\/.*)?$/i.exec(path);
  if (api) return { area: "api", apiRoot: api[1]!.toLowerCase() as "oslc" | "api", rest: api[2] ?? "" };
  const control = /^\/emulator(\/.*)?$/.exec(path);
  if (control) return { area: "control", apiRoot: "oslc", rest: control[1] ?? "" };
  return { area: "other", apiRoot: "oslc", rest: path };
}

function buildRequest(req: IncomingMessage, body: Buffer, contextRoot: string): { request: ApiRequest; area: Area } {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? "" : url.slice(q + 1);
  const { area, apiRoot, rest } = classify(rawPath);
  const method = (req.method ?? "GET").toUpperCase();
  const headers = headersOf(req);
  const override = headers["x-method-override"];
  const request: ApiRequest = {
    method,
    effectiveMethod: method === "POST" && override ? override.trim().toUpperCase() : method,
    segments: [],
    apiRoot,
    rawPath,
    rawQuery,
    query: [],
    headers,
    body,
    user: "",
    lean: apiRoot === "api",
    contextRoot,
  };
  // Decoding can fail (400): done after the request exists so the error is logged against it.
  // A servlet container refuses raw (unencoded) non-ASCII bytes in the request target.
  if (/[^\x21-\x7e]/.test(url)) throw platformErrors.badEncoding("the request target");
  request.segments = parseSegments(rest);
  request.query = parseQuery(rawQuery);
  const lean = request.query.find((p) => p.name === "lean")?.value;
  if (lean === "1" || lean === "0") request.lean = lean === "1";
  return { request, area };
}

async function answer(platform: Platform, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const contextRoot = contextRootOf(req.socket);
  const url = req.url ?? "/";
  const path = url.split("?", 1)[0]!;
  const isControl = classify(path).area === "control";
  let logged: LoggedRequest | undefined;
  let shaping: WriteShaping = {};
  let ignored: string | undefined;
  let cutAfterCommit = false;
  let reply: Reply;
  try {
    let body: Buffer;
    try {
      body = await readBody(req, platform.maxBodyBytes);
    } finally {
      if (!isControl) {
        logged = platform.log.record({
          method: req.method ?? "",
          path,
          query: url.includes("?") ? url.slice(url.indexOf("?") + 1) : "",
          headers: headersOf(req),
          body: "",
        });
      }
    }
    if (logged) logged.body = body.toString("utf8");
    if (!isControl) {
      const fault = platform.faults.take(effectiveMethodOf(req), path, logged?.body ?? "", logged?.query ?? "");
      if (fault?.kind === "reset") {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === "latency") await delay(fault.latencyMs ?? 0);
      if (fault?.kind === "429") throw platformErrors.tooManyRequests(fault.retryAfter ?? 1);
      if (fault?.kind === "503") throw platformErrors.unavailable();
      if (fault?.kind === "error") {
        throw new MaximoError(fault.status ?? 400, fault.reasonCode ?? "BMXAA9556E", fault.message ?? "The request was refused by a fault the test set (POST /emulator/faults).");
      }
      if (fault?.kind === "truncate") shaping = { truncate: true };
      if (fault?.kind === "slow") shaping = { bytesPerSecond: fault.bytesPerSecond ?? 1024 };
      if (fault?.kind === "ignoreField") ignored = fault.attribute;
      if (fault?.kind === "resetAfterCommit") cutAfterCommit = true;
      if (platform.latencyMs > 0) await delay(platform.latencyMs);
    }
    const { request, area } = buildRequest(req, body, contextRoot);
    if (ignored) request.ignoredAttributes = [ignored];
    reply = await dispatch(platform, request, area);
  } catch (error) {
    reply = errorReply(asMaximoError(error, req), contextRoot);
    if (reply.status === 413) reply.headers = { ...reply.headers, connection: "close" };
  }
  if (logged) logged.status = reply.status;
  if (cutAfterCommit) {
    req.socket.destroy();
    return;
  }
  await writeReply(res, reply, shaping);
}

function effectiveMethodOf(req: IncomingMessage): string {
  const override = req.headers["x-method-override"];
  return req.method === "POST" && typeof override === "string" && override ? override.toUpperCase() : req.method ?? "";
}

async function dispatch(platform: Platform, request: ApiRequest, area: Area): Promise<Reply> {
  switch (area) {
    case "control":
      return platform.control(request);
    case "auth": {
      const endpoint = authEndpointOf(request.rawPath)!;
      return platform.auth.handle(endpoint, request);
    }
    case "api": {
      // A real HTTP PATCH or PUT is answered 501 (PRODUCT.md "Real-server facts").
      if (request.method === "PATCH" || request.method === "PUT") throw platformErrors.notImplemented(request.method);
      const { user, setCookies } = platform.auth.authenticate(request);
      request.user = user;
      const reply = await traced(request, platform.emulator, () => routeApi(request, platform.emulator));
      return setCookies?.length ? { ...reply, cookies: [...setCookies, ...(reply.cookies ?? [])] } : reply;
    }
    case "other":
      throw platformErrors.notFound(request.rawPath);
  }
}

function asMaximoError(error: unknown, req: IncomingMessage): MaximoError {
  if (error instanceof MaximoError) return error;
  console.error(`emulator: ${req.method} ${req.url} failed:`, error);
  return platformErrors.internal(error instanceof Error ? error.message : String(error));
}

/** Answers HTTP the parser rejected (malformed, oversized headers) with a Maximo error body. */
function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const maximoError =
    error.code === "HPE_HEADER_OVERFLOW"
      ? platformErrors.headersTooLarge()
      : platformErrors.badRequest(`The request could not be parsed as HTTP (${error.code ?? error.message}).`);
  const body = JSON.stringify(errorBody(maximoError, `http://127.0.0.1:${socket.localPort}/maximo/oslc`));
  const reason = maximoError.statusCode === 431 ? "Request Header Fields Too Large" : "Bad Request";
  socket.end(
    `HTTP/1.1 ${maximoError.statusCode} ${reason}\r\ncontent-type: ${jsonContentType}\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

export function createPlatformServer(platform: Platform): Server {
  const server = createServer({ keepAlive: true }, (req, res) => {
    answer(platform, req, res).catch((error: unknown) => {
      // Writing failed after the head went out: nothing left to tell the client.
      console.error("emulator: reply failed:", error);
      res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on("clientError", onClientError);
  return server;
}
