/** The local emulator's command ids, declared once (a test checks them against package.json). */
export const LOCAL_EMULATOR_COMMANDS = {
  tryLocal: "maximo.localEmulator.try",
  stop: "maximo.localEmulator.stop",
} as const;

/** The connection the command adds; its URL follows the emulator's port. */
export const LOCAL_CONNECTION_NAME = "Local emulator";
