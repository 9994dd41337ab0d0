/**
 * The errors the platform itself raises, before any handler runs. Reason codes follow the
 * BMXAA numbering real servers use for the same conditions where one is known; the rest are
 * stable emulator choices so that tests and clients can key on them.
 */
import { MaximoError } from "./errors";

export const platformErrors = {
  /** Unknown path under the API root or the context root. */
  notFound: (path: string) =>
    new MaximoError(404, "BMXAA8727E", `The resource for the path ${path} could not be found. Verify the path and try again.`),
  /** A route exists for the path, but not for this method. */
  methodNotAllowed: (method: string, path: string) =>
    new MaximoError(405, "BMXAA9552E", `The HTTP method ${method} is not supported for ${path}.`),
  /** A real HTTP PATCH or PUT: servers answer 501 (PRODUCT.md "Real-server facts"). */
  notImplemented: (method: string) =>
    new MaximoError(501, "BMXAA9553E", `The HTTP method ${method} is not implemented. Use POST with the x-method-override header.`),
  badEncoding: (what: string) =>
    new MaximoError(400, "BMXAA9554E", `The request URL could not be decoded: ${what} is not valid percent-encoded UTF-8.`),
  bodyTooLarge: (limit: number) =>
    new MaximoError(413, "BMXAA9555E", `The request body is larger than the allowed ${limit} bytes.`),
  badRequest: (detail: string) => new MaximoError(400, "BMXAA9556E", detail),
  headersTooLarge: () => new MaximoError(431, "BMXAA9557E", "The request header fields are too large."),
  internal: (detail: string) =>
    new MaximoError(500, "BMXAA0000E", `An unexpected error occurred while the request was processed: ${detail}`),
  tooManyRequests: (retryAfter: number) =>
    new MaximoError(429, "BMXAA9558E", "Too many requests. Try again later.", { "retry-after": String(retryAfter) }),
  unavailable: () =>
    new MaximoError(503, "BMXAA9559E", "The server is temporarily unavailable. Try again later."),
};
