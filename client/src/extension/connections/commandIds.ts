/** The command ids of the connection and schema parts, declared once (a test checks them against package.json). */
export const CONNECTION_COMMANDS = {
  add: "maximo.connection.add",
  select: "maximo.connection.select",
  edit: "maximo.connection.edit",
  remove: "maximo.connection.remove",
  test: "maximo.connection.test",
  reenterSecret: "maximo.connection.reenterSecret",
} as const;

export const REFRESH_SCHEMAS_COMMAND = "maximo.schemas.refresh";
