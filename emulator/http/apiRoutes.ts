/**
 * Routes under the API roots (`/maximo/oslc/`, `/maximo/api/`) once the request is
 * authenticated: API home, whoami, systeminfo, apimeta, jsonschemas, script and os.
 */
import type { Emulator } from "../emulator";
import { apimeta, jsonSchema } from "../meta/index";
import { apiHome } from "../resources/apiHome";
import { osRoute } from "../resources/osRoutes";
import { systemInfo } from "../resources/systemInfo";
import { whoami } from "../resources/whoami";
import { logRoute } from "../threadLog/logRoutes";
import { runScript } from "../writes/scripts";
import { platformErrors } from "./platformErrors";
import type { ApiRequest, Handler, Reply } from "./types";

interface Route {
  /** Segment count the route takes: exact, or a range. */
  match(segments: string[]): boolean;
  /** Handlers by method as sent (HEAD is served by GET). */
  methods: Partial<Record<string, Handler>>;
}

const readOnly = (handler: Handler): Partial<Record<string, Handler>> => ({ GET: handler });
const first = (name: string) => (segments: string[]) => segments[0]?.toLowerCase() === name;

const routes: Route[] = [
  { match: (s) => s.length === 0, methods: readOnly(apiHome) },
  { match: (s) => first("whoami")(s) && s.length === 1, methods: readOnly(whoami) },
  { match: (s) => first("systeminfo")(s) && s.length === 1, methods: readOnly(systemInfo) },
  {
    match: (s) => first("apimeta")(s) && s.length <= 2,
    methods: readOnly((request, emulator) => apimeta(request, emulator, request.segments[1]?.toLowerCase())),
  },
  {
    // `jsonschemas/{os}/{child}` reaches a child object's schema.
    match: (s) => first("jsonschemas")(s) && s.length >= 2,
    methods: readOnly((request, emulator) => jsonSchema(request, emulator, request.segments[1]!.toLowerCase())),
  },
  {
    match: (s) => first("script")(s) && s.length === 2,
    methods: Object.fromEntries(
      ["GET", "POST", "DELETE"].map((m) => [m, (request: ApiRequest, emulator: Emulator) => runScript(request, emulator, request.segments[1]!)]),
    ),
  },
  // Thread logging (reference §23): log, log/enablelogs, log/enablealllogs, log/disablealllogs.
  { match: (s) => first("log")(s) && s.length <= 2, methods: { GET: logRoute, POST: logRoute } },
  { match: (s) => first("os")(s) && s.length >= 2, methods: { GET: osRoute, POST: osRoute, DELETE: osRoute } },
];

export async function routeApi(request: ApiRequest, emulator: Emulator): Promise<Reply> {
  const route = routes.find((r) => r.match(request.segments));
  if (!route) throw platformErrors.notFound(request.rawPath);
  const handler = route.methods[request.method === "HEAD" ? "GET" : request.method];
  if (!handler) throw platformErrors.methodNotAllowed(request.method, request.rawPath);
  return handler(request, emulator);
}
