/** Prefix of the mocha reporter's lines in the extension host's console, so the shim can pick them out. */
export const reporterMark = "[maximo-e2e] ";
