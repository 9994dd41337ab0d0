/**
 * HTTP(S)_PROXY / NO_PROXY: plain `http://` targets go through an HTTP proxy in absolute-form
 * (`GET http://host/path HTTP/1.1`); `https://` targets through a CONNECT tunnel, with TLS to the
 * server inside it (so the proxy never sees the request). Basic proxy credentials come from the
 * proxy URL. Loopback targets never use a proxy.
 */
import http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import tls from "node:tls";

export type ProxyEnv = Record<string, string | undefined>;

function envValue(env: ProxyEnv, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value && value.trim() !== "" ? value.trim() : undefined;
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** NO_PROXY entries: `*`, `host`, `.suffix` or `suffix` (subdomains too), optional `:port`. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  // Loopback never goes through a proxy: the proxy's loopback is not ours.
  if (loopbackHosts.has(url.hostname) || /^127\./.test(url.hostname)) return true;
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return noProxy.split(/[,\s]+/).some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === "") return false;
    if (entry === "*") return true;
    const [entryHost = "", entryPort] = entry.split(/:(?=\d+$)/);
    if (entryPort && entryPort !== port) return false;
    const bare = entryHost.replace(/^\*?\./, "");
    return host === bare || host.endsWith(`.${bare}`);
  });
}

/** The proxy for `url`, or undefined for a direct connection. */
export function proxyFor(url: URL, env: ProxyEnv): URL | undefined {
  const raw = envValue(env, url.protocol === "https:" ? "HTTPS_PROXY" : "HTTP_PROXY");
  if (!raw || bypassesProxy(url, envValue(env, "NO_PROXY"))) return undefined;
  try {
    return new URL(raw.includes("://") ? raw : `http://${raw}`);
  } catch {
    return undefined;
  }
}

/** The internals of http.Agent this module relies on (stable since Node 0.x, not in @types/node). */
interface AgentInternals {
  addRequest(request: http.ClientRequest, options: http.RequestOptions): void;
}

/** The proxy's Proxy-Authorization value, when its URL carries credentials. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials).toString("base64")}`;
}

/** A keep-alive agent that sends every request to `proxy`, naming the real target in the request line. */
export function createHttpProxyAgent(proxy: URL, options: http.AgentOptions): http.Agent {
  const agent = new http.Agent(options);
  const base = agent as unknown as AgentInternals;
  const inherited = base.addRequest.bind(agent);
  const authorization = proxyAuthorization(proxy);
  const proxyPort = Number(proxy.port || 80);
  Object.defineProperty(agent, "addRequest", {
    configurable: true, // armWatch wraps it once more
    value: (request: http.ClientRequest, requestOptions: http.RequestOptions) => {
      const port = requestOptions.port ? `:${requestOptions.port}` : "";
      // The request line is written on the first write, after this: absolute-form goes out.
      request.path = `http://${requestOptions.hostname ?? requestOptions.host}${port}${request.path}`;
      if (authorization) request.setHeader("proxy-authorization", authorization);
      inherited(request, { ...requestOptions, host: proxy.hostname, hostname: proxy.hostname, port: proxyPort });
    },
  });
  return agent;
}

type Connected = (error: Error | null, socket?: Duplex) => void;

/**
 * A keep-alive https agent that reaches each server through a CONNECT tunnel on `proxy` (an
 * http:// proxy), then speaks TLS to the server with this agent's CA and verification settings.
 */
export function createHttpsProxyAgent(proxy: URL, options: https.AgentOptions): https.Agent {
  const agent = new https.Agent(options);
  const authorization = proxyAuthorization(proxy);
  Object.defineProperty(agent, "createConnection", {
    configurable: true,
    value: (target: tls.ConnectionOptions & { host?: string; port?: number }, done: Connected) => {
      const authority = `${target.host}:${target.port ?? 443}`;
      const connect = http.request({
        host: proxy.hostname,
        port: Number(proxy.port || 80),
        method: "CONNECT",
        path: authority,
        headers: { host: authority, ...(authorization ? { "proxy-authorization": authorization } : {}) },
      });
      connect.once("connect", (answer, socket) => {
        if (answer.statusCode !== 200) {
          socket.destroy();
          done(new Error(`the proxy ${proxy.host} refused the tunnel to ${authority} (HTTP ${answer.statusCode})`));
          return;
        }
        const secure = tls.connect({ ...target, socket, servername: target.servername ?? target.host });
        secure.once("secureConnect", () => done(null, secure));
        secure.once("error", (error) => done(error));
      });
      connect.once("error", (error) => done(error));
      connect.end();
      return undefined;
    },
  });
  return agent;
}

const armed = new WeakMap<http.Agent, (request: http.ClientRequest) => void>();
const watched = new WeakSet<http.Agent>();

/**
 * Lets one call watch the ClientRequest `agent` is given next, so it can time its own socket.
 * node-fetch hands the request to the agent synchronously inside `fetch()`, so arming right
 * before the call and disarming right after pairs each call with its own request, whatever
 * else is in flight. (A per-call wrapper object made Node's agent code megamorphic: 1.5x slower
 * with 8 requests in flight, bench/executor.)
 */
export function armWatch(agent: http.Agent, watch: (request: http.ClientRequest) => void): void {
  if (!watched.has(agent)) {
    const internals = agent as unknown as AgentInternals;
    const addRequest = internals.addRequest.bind(agent);
    Object.defineProperty(agent, "addRequest", {
      value: (request: http.ClientRequest, options: http.RequestOptions) => {
        const onRequest = armed.get(agent);
        armed.delete(agent);
        onRequest?.(request);
        addRequest(request, options);
      },
    });
    watched.add(agent);
  }
  armed.set(agent, watch);
}

export function disarmWatch(agent: http.Agent): void {
  armed.delete(agent);
}
