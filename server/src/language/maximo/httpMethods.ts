/** HTTP methods a request line may name (the set REST Client and httpyac accept). */
export const KNOWN_METHODS: ReadonlySet<string> = new Set([
  "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE", "MERGE",
  "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "CHECKOUT", "CHECKIN",
  "REPORT", "MKACTIVITY", "MKWORKSPACE", "VERSION-CONTROL", "BASELINE-CONTROL", "MKCALENDAR",
  "ACL", "SEARCH", "GRAPHQL",
]);

/** The methods a Maximo request uses, for messages. */
export const COMMON_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
