/**
 * An executor whose real one is built on first use. Loading the HTTP stack (node-fetch and its
 * stream polyfills) costs about 40 ms; deferring it keeps that out of the extension's activation.
 */
import type { Executor } from "../../http/executor";
import type { ConnectionConfig } from "../../connections/types";

export function deferredExecutor(connection: ConnectionConfig, create: () => Promise<Executor>): Executor {
  let loading: Promise<Executor> | undefined;
  let ready: Executor | undefined;
  const real = () => (loading ??= create().then((executor) => (ready = executor)));
  return {
    connection,
    execute: async (resolved, options) => (await real()).execute(resolved, options),
    send: async (outgoing, options) => (await real()).send(outgoing, options),
    secrets: () => ready?.secrets() ?? [],
    close: () => void loading?.then((executor) => executor.close(), () => undefined),
  };
}
