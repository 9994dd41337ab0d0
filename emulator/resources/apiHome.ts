/**
 * The API home, `GET /oslc` (JSON API reference §3): links to the runtime's other APIs plus the
 * server's date, language and calendar.
 */
import type { Emulator } from "../emulator";
import { apiHref } from "../http/hrefs";
import { jsonReply, type ApiRequest, type Reply } from "../http/types";

export function apiHome(request: ApiRequest, emulator: Emulator): Reply {
  const base = apiHref(request);
  const link = (path: string) => ({ href: `${base}/${path}` });
  return jsonReply({
    href: base,
    systeminfo: link("systeminfo"),
    whoami: link("whoami"),
    installedProducts: link("products"),
    serverMembers: link("members"),
    license: link("license"),
    apimeta: link("apimeta"),
    language: "EN",
    calendar: "gregorian",
    date: new Date(emulator.now()).toISOString(),
  });
}
