// dist/server.js --stdio for protocol tests: JSON-RPC over the child's pipes, publications
// collected per uri and version, and a raw writer for messages that must arrive together.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

export interface Publication {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string | number; message: string; range: { start: { line: number; character: number } } }>;
}

export interface RawResponse {
  id: string;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface LspProcess {
  child: ChildProcess;
  connection: MessageConnection;
  /** Every publishDiagnostics so far, in arrival order. */
  published: Publication[];
  /**
   * The publication for `uri` at `version` (waits for it); with `accept`, the first one it
   * accepts (a large file's first publication on open may be an early part of the set).
   */
  publication(uri: string, version: number, accept?: (publication: Publication) => boolean): Promise<Publication>;
  /**
   * Writes JSON-RPC messages in one write, so the server reads them together. Give requests
   * string ids (`"raw-1"`) and read their answers with `response`.
   */
  writeTogether(messages: object[]): void;
  response(id: string): Promise<RawResponse>;
  close(): void;
}

/** The completion capabilities vscode-languageclient 11 declares (LSP 3.17 item defaults). */
export const VSCODE_COMPLETION_CAPABILITIES = {
  textDocument: {
    completion: {
      completionItem: { snippetSupport: true, insertReplaceSupport: true, resolveSupport: { properties: ["documentation", "detail", "additionalTextEdits"] } },
      completionList: { itemDefaults: ["commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"] },
    },
  },
};

export async function startLsp(capabilities: object = {}): Promise<LspProcess> {
  const child = spawn(process.execPath, [join(root, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: Publication[] = [];
  const waiters: Array<() => void> = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: Publication) => {
    published.push(params);
    waiters.splice(0).forEach((wake) => wake());
  });
  connection.listen();
  // A server that dies fails what waits on it, rather than leaving the test waiting for ever.
  let exited: Error | undefined;
  let closing = false;
  const onExit: Array<(error: Error) => void> = [];
  child.once("exit", (code, signal) => {
    if (closing) return;
    exited = new Error(`dist/server.js exited (${signal ?? `code ${code}`}) while the test waited on it`);
    connection.dispose();
    onExit.splice(0).forEach((fail) => fail(exited!));
  });
  const unlessExited = <T>(wait: (resolve: (value: T) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(exited);
      onExit.push(reject);
      wait(resolve);
    });
  // A second reader on the same pipe sees the answers to the raw requests.
  const responses = new Map<string, RawResponse>();
  const responseWaiters: Array<() => void> = [];
  new StreamMessageReader(child.stdout!).listen((message) => {
    const id = (message as { id?: unknown }).id;
    if (typeof id !== "string" || !("result" in message || "error" in message)) return;
    responses.set(id, message as unknown as RawResponse);
    responseWaiters.splice(0).forEach((wake) => wake());
  });
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities });
  await connection.sendNotification("initialized", {});
  return {
    child,
    connection,
    published,
    publication: (uri, version, accept = () => true) =>
      unlessExited((resolve) => {
        const check = () => {
          const hit = published.find((p) => p.uri === uri && p.version === version && accept(p));
          if (hit) resolve(hit);
          else waiters.push(check);
        };
        check();
      }),
    writeTogether(messages) {
      const frames = messages.map((message) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
        return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]);
      });
      child.stdin!.write(Buffer.concat(frames));
    },
    response: (id) =>
      unlessExited((resolve) => {
        const check = () => {
          const hit = responses.get(id);
          if (hit) resolve(hit);
          else responseWaiters.push(check);
        };
        check();
      }),
    close() {
      closing = true;
      connection.dispose();
      child.kill();
      // Our ends of the pipes too: anything still holding the server's stdout (a process it left
      // behind) would otherwise keep this test file from exiting after its tests passed.
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.unref();
    },
  };
}

/**
 * dist/server.js --stdio with a bare connection, for tests that answer the server's own requests
 * (`client/registerCapability`, `workspace/configuration`) themselves: register handlers, then
 * `connection.listen()`. Stopped after the test.
 */
export function serverConnection(t: { after(fn: () => void): void }): MessageConnection {
  const child = spawn(process.execPath, [join(root, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  t.after(() => {
    connection.dispose();
    child.kill();
    child.stdin?.destroy();
    child.stdout?.destroy();
    child.unref();
  });
  return connection;
}

/** Waits on state that handlers fill: `until(find)` resolves with the first value `find` gives, checked again at each `wake()`. */
export function waitList(): { wake(): void; until<T>(find: () => T | undefined): Promise<T> } {
  const waiters: Array<() => void> = [];
  return {
    wake: () => waiters.splice(0).forEach((check) => check()),
    until: <T>(find: () => T | undefined) =>
      new Promise<T>((resolve) => {
        const check = () => {
          const hit = find();
          if (hit !== undefined) resolve(hit);
          else waiters.push(check);
        };
        check();
      }),
  };
}
