/**
 * The writes (README "Contracts between the parts"): create, update (PATCH, MERGE, `_action`,
 * `action=`), delete, BULK, attachments, file import and `/oslc/script/{name}`.
 */
export { bulk } from "./bulk";
export { doclinks } from "./doclinks";
export { importFile } from "./importFile";
export { canDelete, createMember, deleteMember, updateMember } from "./members";
export { runScript } from "./scripts";
