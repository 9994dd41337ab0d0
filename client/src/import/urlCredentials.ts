/**
 * A user name and password in the URL (`http://user:pass@host/...`, which curl and Postman both
 * send as a basic sign-in) are taken out of it: the password is never written, the sign-in is
 * left to `{{$processEnv MAXIMO_BASIC}}` as curl -u's is, or to the connection.
 */
import { percentDecode } from "../../../server/src/language/common";
import { processEnv, type ImportedRequest } from "./importedRequest";

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;

/** Rewrites the request in place when its URL holds a user (and password); true when it did. */
export function takeUrlCredentials(request: ImportedRequest): boolean {
  const match = USERINFO.exec(request.url);
  if (!match) return false;
  const [whole, scheme, userinfo] = match as unknown as [string, string, string];
  request.url = scheme + request.url.slice(whole.length);
  const colon = userinfo.indexOf(":");
  const user = percentDecode(colon < 0 ? userinfo : userinfo.slice(0, colon)).text;
  const password = colon < 0 ? "" : " and password";
  if (request.headers.some(([name]) => name.toLowerCase() === "authorization")) {
    request.notes.push(`The user${password} in the URL (user "${user}") were dropped: the request's own Authorization is sent; nothing of the URL's sign-in was copied but the user name.`);
    return true;
  }
  request.user = user;
  request.headers.push(["Authorization", `Basic ${processEnv("MAXIMO_BASIC")}`]);
  request.notes.push(`Signed in as "${user}" from the URL (user:password@host, sent as basic auth): set MAXIMO_BASIC to the base64 of ${user}:PASSWORD (the password was not copied; the URL no longer holds it).`);
  return true;
}
