/**
 * httpyac's named responses: after `# @name login` runs, httpyac sets two variables, `login` (the
 * response body, parsed when it is JSON) and `loginResponse` (the whole response), so a later
 * request may write `{{login.accessToken}}` or `{{loginResponse.statusCode}}`
 * (github:AnWeber/httpyac src/plugins/core/response/handleNameMetaData.ts). Shared by the
 * undefined-variable check and the runner (client/src/variables/namedResponse.ts).
 */

/** The request `name` (`login.accessToken`, `loginResponse.statusCode`, `login`) reads the response of, or undefined. */
export function namedResponseRequest(name: string, isRequest: (name: string) => boolean): string | undefined {
  const root = variableRoot(name);
  if (isRequest(root)) return root;
  const base = root.endsWith("Response") ? root.slice(0, -"Response".length) : "";
  return base && isRequest(base) ? base : undefined;
}

/** `login` of `login.accessToken`. */
export function variableRoot(name: string): string {
  const dot = name.indexOf(".");
  return dot < 0 ? name : name.slice(0, dot);
}
