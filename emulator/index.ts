/**
 * Starts an emulator in-process: metadata, seeded store, auth, control state and the HTTP
 * platform on 127.0.0.1. Tests: `const emu = await startEmulator({ port: 0 }); … await emu.close()`.
 */
import type { AddressInfo } from "node:net";
import { createAuth } from "./auth/index";
import { Clock } from "./control/clock";
import { FaultList, type FaultSpec, type Fault } from "./control/faults";
import { RequestLog } from "./control/requestLog";
import { controlRoute, type Controls } from "./control/routes";
import { buildMetadata } from "./data/metadata";
import { seedStore } from "./data/seed";
import { defaultOptions, type Emulator, type EmulatorOptions } from "./emulator";
import { createPlatformServer } from "./http/server";
import { adaptAuth } from "./http/authAdapter";
import { Store } from "./store/store";

export interface StartOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only. */
  host?: "127.0.0.1";
  options?: Partial<EmulatorOptions>;
  /** Latency added to every API request, in ms. */
  latencyMs?: number;
  /** Largest request body accepted (413 above); 64 MB by default. */
  maxBodyBytes?: number;
}

export interface EmulatorHandle {
  /** `http://127.0.0.1:PORT/maximo` */
  url: string;
  port: number;
  emulator: Emulator;
  faults: FaultList;
  log: RequestLog;
  clock: Clock;
  /** Adds a fault, as `POST /emulator/faults` does. */
  addFault(spec: FaultSpec): Fault;
  expireSessions(): void;
  reset(): void;
  close(): Promise<void>;
}

function freshStore(emulator: Pick<Emulator, "metadata" | "options">): Store {
  const store = new Store(emulator.metadata);
  seedStore(store, { workOrders: emulator.options.workOrders });
  return store;
}

export async function startEmulator(start: StartOptions = {}): Promise<EmulatorHandle> {
  const clock = new Clock();
  const options = { ...defaultOptions(), ...start.options };
  const metadata = buildMetadata();
  for (const name of options.withoutObjectStructures) metadata.objectStructures.delete(name.toLowerCase());
  const emulator: Emulator = {
    options,
    metadata,
    store: freshStore({ metadata, options }),
    now: () => clock.now(),
  };
  const auth = createAuth(emulator);
  const faults = new FaultList();
  const log = new RequestLog();
  const controls: Controls = {
    faults,
    log,
    clock,
    // The session-expiry knob ends OAuth tokens too: both make a client authenticate again.
    expireSessions: () => {
      auth.expireAllSessions();
      auth.revokeTokens();
    },
    reset: () => {
      emulator.store = freshStore(emulator);
      emulator.writes = undefined;
      emulator.threadLogs = undefined;
      auth.reset();
      faults.clear();
      log.clear();
      clock.reset();
    },
  };
  const server = createPlatformServer({
    emulator,
    auth: adaptAuth(auth),
    faults,
    log,
    control: (request) => controlRoute(request, controls),
    maxBodyBytes: start.maxBodyBytes ?? 64 * 1024 * 1024,
    latencyMs: start.latencyMs ?? 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(start.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/maximo`,
    port,
    emulator,
    faults,
    log,
    clock,
    addFault: (spec) => faults.add(spec),
    expireSessions: controls.expireSessions,
    reset: controls.reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
