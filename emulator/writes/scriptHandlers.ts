/**
 * What the emulator runs for an automation script called through `/oslc/script/{name}` (JSON
 * API reference §14). Real servers run the script's source; the emulator cannot, so each script
 * it can answer for has a handler here, registered under the upper-case script name. A script
 * that exists but has no handler is answered by scripts.ts with an empty 200.
 */
import type { Emulator } from "../emulator";
import { jsonReply, queryValue, type ApiRequest, type Reply } from "../http/types";
import { scriptLog } from "../threadLog/scriptTrace";

export type ScriptHandler = (request: ApiRequest, emulator: Emulator) => Reply;

/** §14's example: counts the work orders and service requests of `?site=` (setQbe("siteid", "=" + site)). */
function countOfWoAndSr(request: ApiRequest, emulator: Emulator): Reply {
  const site = queryValue(request, "site") ?? "";
  const wocount = emulator.store.lookup("workorder", ["siteid"], [site]).length;
  const srcount = emulator.store.lookup("sr", ["siteid"], [site]).length;
  scriptLog(request, emulator, "COUNTOFWOANDSR", `site ${site}: ${wocount} work orders, ${srcount} service requests`);
  return jsonReply({ wocount, srcount, total: wocount + srcount });
}

/** The seeded MXWB_HELLO: `{"message": "Hello, NAME!", "user": USER}`, NAME from `?name=` or the user. */
function hello(request: ApiRequest, emulator: Emulator): Reply {
  const name = queryValue(request, "name") ?? request.user;
  scriptLog(request, emulator, "MXWB_HELLO", `greeting ${name}`);
  return jsonReply({ message: `Hello, ${name}!`, user: request.user });
}

export const scriptHandlers: ReadonlyMap<string, ScriptHandler> = new Map<string, ScriptHandler>([
  ["COUNTOFWOANDSR", countOfWoAndSr],
  ["MXWB_HELLO", hello],
]);
