/**
 * The options that take a value, for every command: arguments are split the same way whichever
 * command runs, and whichever bundle (`dist/cli.js` or `dist/cli-full.js`) reads them.
 */
export const RUN_VALUE_OPTIONS = ["name", "connection", "env", "out", "junit"] as const;
export const IMPORT_VALUE_OPTIONS = ["out"] as const;
export const EXPORT_VALUE_OPTIONS = ["name", "format", "out", "connection", "explode", "env"] as const;
export const LOAD_VALUE_OPTIONS = ["os", "action", "batch", "results", "sheet"] as const;

export const CLI_VALUE_OPTIONS: ReadonlySet<string> = new Set(["format", "schemas", ...RUN_VALUE_OPTIONS, ...IMPORT_VALUE_OPTIONS, ...EXPORT_VALUE_OPTIONS, ...LOAD_VALUE_OPTIONS]);
