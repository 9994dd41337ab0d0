/** The import command ids, declared once (a test checks them against package.json). */
export const IMPORT_COMMANDS = {
  pasteCurl: "maximo.import.pasteCurl",
  fromFile: "maximo.import.fromFile",
} as const;
