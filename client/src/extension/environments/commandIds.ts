/** The environment command ids, declared once (a test checks them against package.json). */
export const ENVIRONMENT_COMMANDS = {
  select: "maximo.environment.select",
} as const;
