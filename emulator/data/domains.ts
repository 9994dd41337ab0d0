/**
 * Synonym domains (external value, internal maxvalue, description) and the status changes
 * Maximo allows. Values follow Maximo's shipped domains; external values equal internal ones
 * unless a site renamed them, which the demo data does not do.
 */
import type { SynonymDomainDef, SynonymValue, ValueListDomainDef } from "../model/types";

/** MAXDOMAIN.DESCRIPTION of each domain, as Maximo ships it. */
const domainDescriptions: Record<string, string> = {
  WOSTATUS: "Work Order Status",
  LOCASSETSTATUS: "Location and Asset Status",
  SRSTATUS: "Service Request Status",
  POSTATUS: "Purchase Order Status",
  AUTOSCRIPTSTATUS: "Automation Script Status",
  PERSONSTATUS: "Person Status",
  MAXUSERSTATUS: "User Status",
  WOCLASS: "Work Order Class",
  LOCTYPE: "Location Type",
  LAUNCHPOINTTYPE: "Script Launch Point Type",
  SCRIPTVARTYPE: "Script Variable Type",
  VARBINDINGTYPE: "Script Variable Binding Type",
  URLTYPE: "Attachment URL Type",
  ASSETTYPE: "Asset Type",
  TICKETPRIORITY: "Ticket Priority",
};

/**
 * [value, description] pairs; the first one is the value a new record starts with. Internal
 * value = external unless a third element names it, so each value is its internal value's default (SYNONYMDOMAIN.DEFAULTS).
 */
function synonyms(domainId: string, values: Array<[string, string] | [string, string, string]>): SynonymDomainDef {
  return {
    domainId,
    description: domainDescriptions[domainId] ?? domainId,
    values: values.map(([value, description, maxvalue]): SynonymValue => ({ value, maxvalue: maxvalue ?? value, description, defaults: true })),
  };
}

/** [value, description, maxvalue, defaults] rows, for a domain whose values are synonyms of fewer internal values. */
function synonymsOf(domainId: string, values: Array<[string, string, string, boolean]>): SynonymDomainDef {
  return {
    domainId,
    description: domainDescriptions[domainId] ?? domainId,
    values: values.map(([value, description, maxvalue, defaults]): SynonymValue => ({ value, maxvalue, description, defaults })),
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
    // As a recorded MAS answer shows it: four internal values, the other statuses synonyms of
    // OPERATING or DECOMMISSIONED (`defaults` false: not their internal value's default).
    synonymsOf("LOCASSETSTATUS", [
      ["NOT READY", "Not Ready", "NOT READY", true],
      ["OPERATING", "Operating", "OPERATING", true],
      ["ACTIVE", "Active", "OPERATING", false],
      ["LIMITEDUSE", "Limited Use", "OPERATING", false],
      ["BROKEN", "Broken", "DECOMMISSIONED", false],
      ["INACTIVE", "Inactive", "DECOMMISSIONED", false],
      ["MISSING", "Missing", "DECOMMISSIONED", false],
      ["SEALED", "Sealed", "DECOMMISSIONED", false],
      ["IMPORTED", "Imported from building model", "IMPORTED", true],
      ["DECOMMISSIONED", "Decommissioned", "DECOMMISSIONED", true],
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
      // Mixed-case values over upper-case internal values, as Maximo ships this domain.
      ["Draft", "Draft", "DRAFT"],
      ["Active", "Active", "ACTIVE"],
      ["Inactive", "Inactive", "INACTIVE"],
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

/** ALN domains: plain value lists without internal values (ALNDOMAIN). */
export function buildAlnDomains(): ValueListDomainDef[] {
  return [
    {
      domainId: "ASSETTYPE",
      description: domainDescriptions.ASSETTYPE,
      values: [
        { value: "FACILITIES", description: "Facilities" },
        { value: "FLEET", description: "Fleet" },
        { value: "IT", description: "Information Technology" },
        { value: "PRODUCTION", description: "Production" },
      ],
    },
  ];
}

/** Numeric domains (NUMERICDOMAIN): TICKETPRIORITY is the one service requests are bound to. */
export function buildNumericDomains(): ValueListDomainDef[] {
  return [
    {
      domainId: "TICKETPRIORITY",
      description: domainDescriptions.TICKETPRIORITY,
      values: [
        { value: 1, description: "Urgent" },
        { value: 2, description: "High" },
        { value: 3, description: "Medium" },
        { value: 4, description: "Low" },
      ],
    },
  ];
}

/** The work order states a record can still leave through CHANGESTATUS. */
const woOpenTargets = ["WSCH", "WMATL", "WPCOND", "INPRG", "COMP", "CLOSE"];

/**
 * Allowed status changes, internal value → internal values; a change between two synonyms of
 * the same internal value (ACTIVE → LIMITEDUSE) is always allowed. CLOSE and CAN are final; once work
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
  // Keyed by internal value: a DECOMMISSIONED asset (BROKEN, MISSING ... too) stays so.
  const asset = new Map<string, string[]>([
    ["NOT READY", ["OPERATING", "DECOMMISSIONED"]],
    ["OPERATING", ["NOT READY", "DECOMMISSIONED"]],
    ["IMPORTED", ["NOT READY", "OPERATING", "DECOMMISSIONED"]],
    ["DECOMMISSIONED", []],
  ]);
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
    ["DRAFT", ["ACTIVE", "INACTIVE"]],
    ["ACTIVE", ["DRAFT", "INACTIVE"]],
    ["INACTIVE", ["DRAFT", "ACTIVE"]],
  ]);
  return new Map([
    ["WOSTATUS", wo],
    ["SRSTATUS", sr],
    ["LOCASSETSTATUS", asset],
    ["POSTATUS", po],
    ["AUTOSCRIPTSTATUS", script],
  ]);
}
