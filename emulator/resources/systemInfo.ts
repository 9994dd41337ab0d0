/** `GET /oslc/systeminfo` (JSON API reference §3): the deployed instance's system information. */
import type { Emulator } from "../emulator";
import { apiHref } from "../http/hrefs";
import { jsonReply, type ApiRequest, type Reply } from "../http/types";

export function systemInfo(request: ApiRequest, emulator: Emulator): Reply {
  return jsonReply({
    href: `${apiHref(request)}/systeminfo`,
    appServer: "Maximo Workbench emulator",
    serverHostName: "127.0.0.1",
    version: "V9000-001",
    coreDbVersion: "V9000-001",
    maxupgVersion: "V9000-001",
    product: "IBM Maximo Manage",
    database: { dbProductName: "emulator-memory", dbVersion: "1" },
    os: { osName: process.platform, osVersion: process.version, architecture: process.arch },
    javaVersion: "n/a",
    currentTime: new Date(emulator.now()).toISOString(),
  });
}
