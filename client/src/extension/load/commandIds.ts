/** The load command ids, declared once (a test checks them against package.json). */
export const LOAD_COMMANDS = {
  fromFile: "maximo.load.fromFile",
} as const;
