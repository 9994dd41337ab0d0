/** The explorer's command ids and its view, declared once (a test checks them against package.json). */
export const EXPLORER_COMMANDS = {
  newRequest: "maximo.explorer.newRequest",
  insertAtCursor: "maximo.explorer.insertAtCursor",
  copyName: "maximo.explorer.copyName",
  openSchema: "maximo.explorer.openSchema",
  runSavedQuery: "maximo.explorer.runSavedQuery",
  refresh: "maximo.explorer.refresh",
  filter: "maximo.explorer.filter",
  clearFilter: "maximo.explorer.clearFilter",
} as const;

/** The "Object Structures" view in the "Maximo" view container (whose id may hold no dot: `maximo`). */
export const EXPLORER_VIEW = "maximo.objectStructures";
export const EXPLORER_CONTAINER = "maximo";

/** True while a filter is set: shows Clear Filter in the view's title bar. */
export const FILTERED_CONTEXT = "maximo.explorer.filtered";
