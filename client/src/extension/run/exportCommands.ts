/** The Copy as … command ids, declared once (a test checks them against package.json), and what each copies. */
import type { ExportFormat } from "./curlCommand";

export const EXPORT_COMMANDS: Record<ExportFormat, { id: string; label: string }> = {
  curl: { id: "maximo.copyAsCurl", label: "curl" },
  fetch: { id: "maximo.copyAsFetch", label: "fetch (JavaScript)" },
  python: { id: "maximo.copyAsPython", label: "Python requests" },
};
