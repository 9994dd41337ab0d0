/**
 * The test-only control API under `/emulator/` (no auth): fault knobs, session expiry, the
 * request log, reset and the clock. The same controls are on the startEmulator handle.
 */
import { MaximoError } from "../http/errors";
import { platformErrors } from "../http/platformErrors";
import { jsonReply, type ApiRequest, type Reply } from "../http/types";
import type { Clock } from "./clock";
import { checkFaultSpec, type FaultList } from "./faults";
import type { RequestLog } from "./requestLog";

export interface Controls {
  faults: FaultList;
  log: RequestLog;
  clock: Clock;
  /** Fresh seed data; clears log, faults, sessions, transactions and the clock offset. */
  reset(): void;
  /** Ends every login session and token now. */
  expireSessions(): void;
}

const noContent: Reply = { status: 204 };

function badControl(detail: string): MaximoError {
  return new MaximoError(400, "BMXAA9556E", `Emulator control: ${detail}`);
}

function jsonBody(request: ApiRequest): unknown {
  const text = request.body.toString("utf8").trim();
  if (text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badControl("the body is not valid JSON");
  }
}

export function controlRoute(request: ApiRequest, controls: Controls): Reply {
  const path = request.segments.join("/");
  const method = request.method;
  switch (`${method} ${path}`) {
    case "GET faults":
      return jsonReply(controls.faults.list());
    case "POST faults": {
      const body = jsonBody(request);
      const specs = Array.isArray(body) ? body : [body];
      const checked = specs.map(checkFaultSpec);
      const bad = checked.find((c) => typeof c === "string");
      if (typeof bad === "string") throw badControl(bad);
      const added = checked.map((spec) => controls.faults.add(spec as Exclude<typeof spec, string>));
      return jsonReply(Array.isArray(body) ? added : added[0], 201);
    }
    case "DELETE faults":
      controls.faults.clear();
      return noContent;
    case "POST sessions/expire":
      controls.expireSessions();
      return noContent;
    case "GET log":
      return jsonReply(controls.log.list());
    case "DELETE log":
      controls.log.clear();
      return noContent;
    case "POST reset":
      controls.reset();
      return noContent;
    case "GET clock":
      return jsonReply({ now: controls.clock.now() });
    case "POST clock": {
      const body = jsonBody(request) as { advanceMs?: unknown };
      const advance = body.advanceMs;
      if (typeof advance !== "number" || !Number.isFinite(advance) || advance < 0) {
        throw badControl("advanceMs must be a number >= 0");
      }
      controls.clock.advance(advance);
      return jsonReply({ now: controls.clock.now() });
    }
  }
  const known = ["faults", "sessions/expire", "log", "reset", "clock"];
  if (known.includes(path)) throw platformErrors.methodNotAllowed(method, request.rawPath);
  throw platformErrors.notFound(request.rawPath);
}
