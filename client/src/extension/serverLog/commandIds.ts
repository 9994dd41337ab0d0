/** The server-log command ids, declared once (a test checks them against package.json). */
export const SERVER_LOG_COMMANDS = {
  toggle: "maximo.serverLog.toggle",
} as const;
