/**
 * `GET /oslc/apimeta[/{os}]` (JSON API reference §3 "Apimeta", §21.1): per object structure its
 * description, security application (`appName`), creation URL, schema link and the saved
 * queries as `queryCapability`, starting with `All` (the whole collection).
 */
import type { Emulator } from "../emulator";
import { jsonReply, type ApiRequest, type Reply } from "../http/types";
import type { ObjectStructureDef, SavedQueryDef } from "../model/types";
import { apiBase, requireObjectStructure } from "./objectStructure";

export interface QueryCapability {
  name: string;
  title?: string;
  ispublic: boolean;
  href: string;
  /** A query method (`@PreparedQuery` on the definition class), §21.1.1. */
  javaMethod?: boolean;
}

export interface ApiMeta {
  name: string;
  description: string;
  appName?: string;
  jsonschema: string;
  creationFactory: Array<{ name: string; href: string }>;
  queryCapability: QueryCapability[];
}

export function apimeta(request: ApiRequest, emulator: Emulator, osName?: string): Reply {
  if (osName) return jsonReply(apimetaOf(requireObjectStructure(emulator, osName), apiBase(request)));
  const all = [...emulator.metadata.objectStructures.values()].map((os) => apimetaOf(os, apiBase(request)));
  return jsonReply(all);
}

export function apimetaOf(os: ObjectStructureDef, base: string): ApiMeta {
  const collection = `${base}/os/${os.name}`;
  const meta: ApiMeta = {
    name: os.name.toUpperCase(),
    description: os.description,
    jsonschema: `${base}/jsonschemas/${os.name}`,
    creationFactory: [{ name: "Default", href: collection }],
    queryCapability: [
      { ispublic: true, name: "All", title: "Select all", href: collection },
      ...os.savedQueries.map((q) => savedQueryCapability(q, collection)),
    ],
  };
  if (os.appName) meta.appName = os.appName;
  return meta;
}

/** `savedQuery` is form-encoded the way servers write it: `ASSET%3ABad+Actor+-+LTD+Cost`. */
function savedQueryCapability(query: SavedQueryDef, collection: string): QueryCapability {
  const capability: QueryCapability = {
    name: query.name,
    title: query.title,
    ispublic: true,
    href: `${collection}?${new URLSearchParams({ savedQuery: query.name }).toString()}`,
  };
  if (query.kind === "method") capability.javaMethod = true;
  return capability;
}
