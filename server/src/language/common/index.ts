export * from "./types";
export { isWrittenEncoded, percentDecode } from "./offsetMap";
