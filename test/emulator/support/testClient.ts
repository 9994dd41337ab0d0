/**
 * A small HTTP client for the emulator's own tests: one call, the whole answer, the JSON parsed
 * when it is JSON. Keep-alive through a caller-supplied agent; loopback only.
 */
import assert from "node:assert/strict";
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from "node:http";

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  /** True when the request went over a socket an earlier request had used. */
  reusedSocket: boolean;
}

export interface TestRequest {
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  agent?: Agent;
}

/** Sends one request to `url` (absolute, `http://127.0.0.1:...`). */
export function send(url: string, options: TestRequest = {}): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, reusedSocket: req.reusedSocket });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The header the seeded default API key authenticates with (MAXADMIN). */
export const apikeyHeader = { apikey: "emulator-apikey" };

/** The error body every failure carries: reason code first in the message, status as a string. */
export function assertMaximoError(response: TestResponse, status: number): void {
  assert.equal(response.status, status, response.text);
  assert.equal(response.headers["content-type"], "application/json;charset=UTF-8");
  const body = response.json as { Error?: Record<string, unknown> };
  assert.ok(body?.Error, `no Error object in ${response.text}`);
  const error = body.Error as { message: string; statusCode: string; reasonCode: string; extendedError: { moreInfo: { href: string } } };
  assert.equal(error.statusCode, String(status));
  assert.match(error.reasonCode, /^BMXAA\d{4}[EWI]$/);
  assert.ok(error.message.startsWith(`${error.reasonCode} - `), error.message);
  assert.ok(error.extendedError.moreInfo.href.endsWith(`/oslc/error/messages/${error.reasonCode}`));
}

