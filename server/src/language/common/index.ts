export * from "./types";
export { percentDecode } from "./offsetMap";
