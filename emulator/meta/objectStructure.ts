/**
 * Finding an object structure by the name a URL gives. A name the server does not know is
 * answered the way real servers answer an object structure that is missing or not exposed to
 * the user: 400 BMXAA9301E (PRODUCT.md "Real-server facts"; the same body is seen from servers
 * for MXSCRIPT before an admin creates it).
 */
import type { Emulator } from "../emulator";
import { MaximoError } from "../http/errors";
import { apiHref } from "../http/hrefs";
import type { ApiRequest } from "../http/types";
import type { ObjectStructureDef } from "../model/types";

export function unknownObjectStructureError(name: string): MaximoError {
  return new MaximoError(
    400,
    "BMXAA9301E",
    `The user of the transaction is not authorized for Object Structure ${name.toUpperCase()}.  Configure authorization in the object structure application and grant necessary access to the user.`,
  );
}

/** The object structure named (case-insensitively, as Maximo matches URL names), or a BMXAA9301E. */
export function requireObjectStructure(emulator: Emulator, name: string): ObjectStructureDef {
  const os = emulator.metadata.objectStructures.get(name.toLowerCase());
  if (!os) throw unknownObjectStructureError(name);
  return os;
}

/** `http://host:port/maximo/oslc` or `.../api` (`oslc` with relativeuri=1), the base of every href the request gets back. */
export function apiBase(request: Pick<ApiRequest, "query" | "contextRoot" | "apiRoot">): string {
  return apiHref(request);
}
