/**
 * Maximo-shaped errors. Every failure the emulator answers carries the body the reference shows
 * (JSON API reference §15.1): `{"Error": {"message", "statusCode", "reasonCode", "extendedError"}}`,
 * where `message` starts with the reason code and `statusCode` is a string.
 */
export class MaximoError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reasonCode: string,
    /** The text after `BMXAAnnnnE - `. */
    readonly detail: string,
    /** Extra response headers (Retry-After, WWW-Authenticate). */
    readonly headers: Record<string, string> = {},
  ) {
    super(`${reasonCode} - ${detail}`);
  }
}

export interface MaximoErrorBody {
  Error: {
    message: string;
    statusCode: string;
    reasonCode: string;
    extendedError: { moreInfo: { href: string } };
  };
}

/** The JSON body for an error; `errorBase` is `http://host/maximo/oslc`. */
export function errorBody(error: MaximoError, errorBase: string): MaximoErrorBody {
  return {
    Error: {
      message: error.message,
      statusCode: String(error.statusCode),
      reasonCode: error.reasonCode,
      extendedError: { moreInfo: { href: `${errorBase}/error/messages/${error.reasonCode}` } },
    },
  };
}
