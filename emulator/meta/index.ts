/** The metadata routes: apimeta and jsonschemas, and the object structure lookup os/ shares. */
export { apimeta, apimetaOf } from "./apimeta";
export { jsonSchema, attributeSchema, jsonTypeOf } from "./jsonSchema";
export { requireObjectStructure, unknownObjectStructureError, apiBase } from "./objectStructure";
