/**
 * The failures the auth part answers, each with the reason code real servers send (where we
 * could confirm one; see the notes per error).
 */
import { MaximoError } from "../http/errors";

export const authErrors = {
  /**
   * Wrong or missing credentials, and a session that timed out or was logged out: Maximo finds
   * no authenticated user on the request and answers 401 BMXAA0021E (seen from real servers).
   */
  notAuthenticated(headers: Record<string, string> = {}): MaximoError {
    return new MaximoError(401, "BMXAA0021E", "User name and password combination are not valid. Try again.", headers);
  },
  /** An unknown API key (message as real servers word it). */
  invalidApiKey(): MaximoError {
    return new MaximoError(
      401,
      "BMXAA9549E",
      "The API key token is invalid. Either the token may have expired or the token has been revoked by the administrator.",
    );
  },
  /** A bearer token we never issued, or one past its lifetime (RFC 6750 §3 header on a 401). */
  invalidBearer(expired: boolean): MaximoError {
    const description = expired ? "The access token expired" : "The access token is invalid";
    return authErrors.notAuthenticated({
      "www-authenticate": `Bearer realm="mas", error="invalid_token", error_description="${description}"`,
    });
  },
  /** Wrong HTTP Basic credentials: the app server challenges again, as Liberty's BASIC login does. */
  basicRejected(): MaximoError {
    return authErrors.notAuthenticated({ "www-authenticate": 'Basic realm="maximo"' });
  },
  /**
   * A session-cookie write without the session's CSRF token. The 403 is what a client must act on;
   * the reason code is not confirmed from a real server.
   */
  csrfMissing(): MaximoError {
    return new MaximoError(403, "BMXAA9999E", "The csrftoken header is missing or does not match the token of this session. Log in with csrf=1 to get one.");
  },
};
