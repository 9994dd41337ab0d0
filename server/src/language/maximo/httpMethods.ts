import type { Span } from "../common";
import type { RequestNode } from "./ast";

/** HTTP methods a request line may name (the set REST Client and httpyac accept). */
export const KNOWN_METHODS: ReadonlySet<string> = new Set([
  "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE", "MERGE",
  "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "CHECKOUT", "CHECKIN",
  "REPORT", "MKACTIVITY", "MKWORKSPACE", "VERSION-CONTROL", "BASELINE-CONTROL", "MKCALENDAR",
  "ACL", "SEARCH", "GRAPHQL",
]);

/** The methods a Maximo request uses, for messages. */
export const COMMON_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/**
 * What may part a method from its URL: a blank, or a space that is not a blank to us but is to
 * JavaScript's `\s`, with which REST Client and httpyac read a request line (a no-break space
 * pasted from a web page, a thin space, a stray U+FEFF).
 */
export const METHOD_SEPARATOR_CHARS: readonly string[] = [" ", "\t", "\u00a0", "\u1680", ..."\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a", "\u202f", "\u205f", "\u3000", "\ufeff"];
const SEPARATOR_CODES: ReadonlySet<number> = new Set(METHOD_SEPARATOR_CHARS.map((c) => c.charCodeAt(0)));

export function isMethodSeparator(code: number): boolean {
  return SEPARATOR_CODES.has(code);
}

/**
 * httpyac request lines for other protocols (its websocket, eventsource, grpc, mqtt and amqp
 * plugins, `src/plugins/<protocol>/<protocol>HttpRegionParser.ts`): read as requests, not sent here.
 */
export const OTHER_PROTOCOLS: ReadonlyMap<string, string> = new Map([
  ["WS", "a WebSocket"], ["WSS", "a WebSocket"], ["WEBSOCKET", "a WebSocket"],
  ["SSE", "a server-sent event stream"], ["EVENTSOURCE", "a server-sent event stream"],
  ["GRPC", "a gRPC call"], ["MQTT", "an MQTT connection"], ["MQTTS", "an MQTT connection"], ["AMQP", "an AMQP connection"],
  // httpyac.github.io's examples/request/kafka (a plugin outside httpyac's core).
  ["KAFKA", "a Kafka connection"],
]);

/**
 * Why a request line another tool runs is read here but not sent (an httpyac protocol, a REST
 * Client cURL command), or undefined for an HTTP method. The diagnostic says it as the file is
 * checked, and Send and `maximo run` refuse the request with the same sentence.
 */
export function notSentReason(method: string): string | undefined {
  const protocol = OTHER_PROTOCOLS.get(method);
  if (protocol) return `httpyac opens ${protocol} here; Maximo Workbench sends HTTP requests only, so it does not send this one.`;
  if (method.toUpperCase() === "CURL") {
    return "REST Client sends this cURL command; Maximo Workbench does not run `curl` lines. `maximo import` (or pasting the command into a request file) turns it into a request.";
  }
  return undefined;
}

/**
 * httpyac's bare-URL forms of those protocols (each plugin's `protocolRegex`: `ws://`, `wss://`,
 * `mqtt(s)://`, `amqp(s)://`, `grpc://` with no method before them).
 */
const SCHEME_PROTOCOL: ReadonlyMap<string, string> = new Map([["ws", "WS"], ["wss", "WS"], ["mqtt", "MQTT"], ["mqtts", "MQTT"], ["amqp", "AMQP"], ["amqps", "AMQP"], ["grpc", "GRPC"]]);

/** Why `request` is read but not sent (its method's reason, or its scheme's when written without a method), and where to say it. */
export function requestNotSent(request: RequestNode): { reason: string; at: Span } | undefined {
  if (request.method) {
    const reason = notSentReason(request.method.text);
    return reason === undefined ? undefined : { reason, at: request.method };
  }
  const scheme = request.url.scheme;
  const protocol = scheme && SCHEME_PROTOCOL.get(scheme.text.toLowerCase());
  return protocol ? { reason: notSentReason(protocol)!, at: scheme } : undefined;
}
