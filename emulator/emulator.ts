/**
 * The state one running emulator holds: options, metadata, data, and the services each part
 * of the server keeps (sessions, transactions, faults, request log). Handlers receive it.
 */
import type { Metadata } from "./model/types";
import type { Store } from "./store/store";
import type { ThreadLogs } from "./threadLog/threadLogs";
import type { WritesState } from "./writes/state";

export interface EmulatorCredentials {
  /** user name (upper case, as Maximo stores it) → password. */
  users: Record<string, string>;
  /** apikey → user name. */
  apikeys: Record<string, string>;
  /** OAuth client id → secret. */
  oauthClients: Record<string, string>;
}

export interface EmulatorOptions {
  credentials: EmulatorCredentials;
  /** Idle lifetime of a login session (form, MAXAUTH, Basic, /login), in ms. */
  sessionTtlMs: number;
  /** Lifetime of an OAuth access token, in seconds (`expires_in`). */
  tokenTtlSeconds: number;
  /** Refuse page sizes above this (mxe.oslc.maxpagesize); 0 = no limit. */
  maxPageSize: number;
  /** Require a CSRF token (`csrftoken` header) on writes made with a session cookie. */
  requireCsrf: boolean;
  /** Work orders in the seed (5,200 by default). */
  workOrders: number;
  /**
   * Object structures this server lacks (lower case), e.g. `["mxscript"]`: every use answers
   * BMXAA9301E, as a server without MXSCRIPT does (PRODUCT.md "Real-server facts").
   */
  withoutObjectStructures: string[];
}

export function defaultOptions(): EmulatorOptions {
  return {
    credentials: {
      users: { MAXADMIN: "maxadmin", WILSON: "wilson" },
      apikeys: { "emulator-apikey": "MAXADMIN" },
      oauthClients: { workbench: "workbench-secret" },
    },
    sessionTtlMs: 30 * 60 * 1000,
    tokenTtlSeconds: 300,
    maxPageSize: 0,
    requireCsrf: false,
    workOrders: 5200,
    withoutObjectStructures: [],
  };
}

export interface Emulator {
  options: EmulatorOptions;
  metadata: Metadata;
  store: Store;
  /** The emulator's clock in ms; tests move it forward through the control API. */
  now(): number;
  /** Transaction ids, attachment files and autonumbers (writes/state.ts); made on first write, cleared by a reset. */
  writes?: WritesState;
  /** Thread logging per user (reference §23); made on first use, cleared by a reset. */
  threadLogs?: ThreadLogs;
}
