/**
 * Synonym domains (external value, internal maxvalue, description) and the status changes
 * Maximo allows. Values follow Maximo's shipped domains; external values equal internal ones
 * unless a site renamed them, which the demo data does not do.
 */
import type { SynonymDomainDef, SynonymValue } from "../model/types";

/** [value, description] pairs; the first one is the default. Internal value = external. */
function synonyms(domainId: string, values: Array<[string, string]>): SynonymDomainDef {
  return {
    domainId,
    values: values.map(([value, description], i): SynonymValue => ({ value, maxvalue: value, description, defaults: i === 0 })),
  };
}

export function buildSynonymDomains(): SynonymDomainDef[] {
  return [
    synonyms("WOSTATUS", [
      ["WAPPR", "Waiting on Approval"],
      ["APPR", "Approved"],
      ["WSCH", "Waiting to be Scheduled"],
      ["WMATL", "Waiting on Material"],
      ["WPCOND", "Waiting on Plant Cond"],
      ["INPRG", "In Progress"],
      ["COMP", "Completed"],
      ["CLOSE", "Closed"],
      ["CAN", "Canceled"],
      ["HISTEDIT", "Edited in History"],
    ]),
    synonyms("LOCASSETSTATUS", [
      ["NOT READY", "Not Ready"],
      ["OPERATING", "Operating"],
      ["ACTIVE", "Active"],
      ["BROKEN", "Broken"],
      ["LIMITEDUSE", "Limited Use"],
      ["MISSING", "Missing"],
      ["SEALED", "Sealed"],
      ["IMPORTED", "Imported"],
      ["DECOMMISSIONED", "Decommissioned"],
    ]),
    synonyms("SRSTATUS", [
      ["NEW", "New"],
      ["QUEUED", "Queued"],
      ["PENDING", "Pending"],
      ["INPROG", "In Progress"],
      ["RESOLVED", "Resolved"],
      ["CLOSED", "Closed"],
      ["CANCELLED", "Cancelled"],
      ["HISTEDIT", "Edited in History"],
    ]),
    synonyms("POSTATUS", [
      ["WAPPR", "Waiting on Approval"],
      ["APPR", "Approved"],
      ["INPRG", "In Progress"],
      ["HOLD", "On Hold"],
      ["REVISE", "Revised"],
      ["PNDREV", "Pending Revision"],
      ["CLOSE", "Closed"],
      ["CAN", "Canceled"],
    ]),
    synonyms("AUTOSCRIPTSTATUS", [
      ["Draft", "Draft"],
      ["Active", "Active"],
      ["Inactive", "Inactive"],
    ]),
    synonyms("PERSONSTATUS", [
      ["ACTIVE", "Active"],
      ["INACTIVE", "Inactive"],
    ]),
    synonyms("MAXUSERSTATUS", [
      ["ACTIVE", "Active"],
      ["INACTIVE", "Inactive"],
      ["BLOCKED", "Blocked"],
      ["DELETED", "Deleted"],
      ["NEWREG", "New Registration"],
    ]),
    synonyms("WOCLASS", [
      ["WORKORDER", "Work Order"],
      ["ACTIVITY", "Activity"],
      ["CHANGE", "Change"],
      ["RELEASE", "Release"],
    ]),
    synonyms("LOCTYPE", [
      ["OPERATING", "Operating Location"],
      ["STOREROOM", "Storeroom Location"],
      ["REPAIR", "Repair Location"],
      ["SALVAGE", "Salvage Location"],
      ["VENDOR", "Vendor Location"],
      ["HOLDING", "Holding Location"],
    ]),
    synonyms("LAUNCHPOINTTYPE", [
      ["OBJECT", "Object launch point"],
      ["ATTRIBUTE", "Attribute launch point"],
      ["ACTION", "Action launch point"],
      ["CUSTOMCONDITION", "Custom condition launch point"],
    ]),
    synonyms("SCRIPTVARTYPE", [
      ["IN", "Input variable"],
      ["OUT", "Output variable"],
      ["INOUT", "Input and output variable"],
    ]),
    synonyms("VARBINDINGTYPE", [
      ["LITERAL", "Literal"],
      ["MAXVAR", "Maximo variable"],
      ["SYSPROP", "System property"],
      ["ATTRIBUTE", "Mbo attribute"],
    ]),
    synonyms("URLTYPE", [
      ["FILE", "File"],
      ["WWW", "Website"],
    ]),
  ];
}

/** The work order states a record can still leave through CHANGESTATUS. */
const woOpenTargets = ["WSCH", "WMATL", "WPCOND", "INPRG", "COMP", "CLOSE"];

/**
 * Allowed status changes, internal value → internal values. CLOSE and CAN are final; once work
 * has started (INPRG) or finished (COMP) a work order can no longer be canceled or reapproved.
 */
export function buildStatusTransitions(): Map<string, Map<string, string[]>> {
  const wo = new Map<string, string[]>([
    ["WAPPR", ["APPR", ...woOpenTargets, "CAN"]],
    ["APPR", ["WAPPR", ...woOpenTargets, "CAN"]],
    ["WSCH", ["WAPPR", "APPR", ...woOpenTargets.filter((s) => s !== "WSCH"), "CAN"]],
    ["WMATL", ["WAPPR", "APPR", ...woOpenTargets.filter((s) => s !== "WMATL"), "CAN"]],
    ["WPCOND", ["WAPPR", "APPR", ...woOpenTargets.filter((s) => s !== "WPCOND"), "CAN"]],
    ["INPRG", ["WSCH", "WMATL", "WPCOND", "COMP", "CLOSE"]],
    ["COMP", ["CLOSE"]],
    ["CLOSE", []],
    ["CAN", []],
    ["HISTEDIT", []],
  ]);
  const sr = new Map<string, string[]>([
    ["NEW", ["QUEUED", "PENDING", "INPROG", "RESOLVED", "CLOSED", "CANCELLED"]],
    ["QUEUED", ["PENDING", "INPROG", "RESOLVED", "CLOSED", "CANCELLED"]],
    ["PENDING", ["QUEUED", "INPROG", "RESOLVED", "CLOSED", "CANCELLED"]],
    ["INPROG", ["QUEUED", "PENDING", "RESOLVED", "CLOSED"]],
    ["RESOLVED", ["INPROG", "CLOSED"]],
    ["CLOSED", []],
    ["CANCELLED", []],
    ["HISTEDIT", []],
  ]);
  const assetStates = ["NOT READY", "OPERATING", "ACTIVE", "BROKEN", "LIMITEDUSE", "MISSING", "SEALED", "IMPORTED"];
  const asset = new Map<string, string[]>(
    [...assetStates.map((s): [string, string[]] => [s, [...assetStates.filter((t) => t !== s), "DECOMMISSIONED"]]),
      ["DECOMMISSIONED", []]],
  );
  const po = new Map<string, string[]>([
    ["WAPPR", ["APPR", "HOLD", "CAN"]],
    ["APPR", ["INPRG", "HOLD", "CLOSE", "CAN", "PNDREV"]],
    ["INPRG", ["HOLD", "CLOSE", "PNDREV"]],
    ["HOLD", ["WAPPR", "APPR", "CAN"]],
    ["PNDREV", ["APPR", "CAN"]],
    ["REVISE", []],
    ["CLOSE", []],
    ["CAN", []],
  ]);
  const script = new Map<string, string[]>([
    ["Draft", ["Active", "Inactive"]],
    ["Active", ["Draft", "Inactive"]],
    ["Inactive", ["Draft", "Active"]],
  ]);
  return new Map([
    ["WOSTATUS", wo],
    ["SRSTATUS", sr],
    ["LOCASSETSTATUS", asset],
    ["POSTATUS", po],
    ["AUTOSCRIPTSTATUS", script],
  ]);
}
