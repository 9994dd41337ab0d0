/**
 * `/oslc/script/{name}` (JSON API reference §14): GET and POST both run the script. The name is
 * matched without regard to case, because AUTOSCRIPT.AUTOSCRIPT is an upper-case field (the
 * guide calls `countofwoandsr`). An unknown name is refused with BMXAA9260E, the code a public
 * MAS runbook reports for a wrong `/oslc/script` call. A known script without an emulator
 * handler answers 200 with an empty body and `x-emulator-script: no-handler`, so tests can tell.
 */
import type { Emulator } from "../emulator";
import type { ApiRequest, Reply } from "../http/types";
import { writeErrors } from "./errors";
import { scriptHandlers } from "./scriptHandlers";
import { traceScriptCall } from "../threadLog/scriptTrace";

export function runScript(request: ApiRequest, emulator: Emulator, name: string): Reply {
  const upper = name.toUpperCase();
  if (!emulator.store.findByKey("autoscript", [upper])) throw writeErrors.unknownScript(upper);
  const handler = scriptHandlers.get(upper);
  let reply: Reply = { status: 200, headers: { "x-emulator-script": "no-handler" }, body: { kind: "text", text: "", contentType: "text/plain" } };
  traceScriptCall(request, emulator, upper, () => {
    if (handler) reply = handler(request, emulator);
  });
  return reply;
}
