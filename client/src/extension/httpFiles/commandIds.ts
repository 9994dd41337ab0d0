/** The command id of the `.http`/`.rest` association, declared once (a test checks it against package.json). */
export const USE_FOR_HTTP_FILES_COMMAND = "maximo.useForHttpFiles";
