/**
 * The object structures the emulator exposes, with their children, saved queries and search
 * attributes. Saved query names are case-sensitive and spelled as real servers list them in
 * apimeta (`ASSIGNEDWOLIST`, `WOTRACK:All Work Orders`, JSON API reference §21.1's mxasset
 * list); their `where` is the oslc.where the query stands for.
 */
import type { ObjectStructureDef, OsChildDef, SavedQueryDef } from "../model/types";

function child(name: string, relation: string, children: OsChildDef[] = [], mbo = name): OsChildDef {
  return { name, mbo, relation, children };
}

function query(name: string, title: string, where: string, kind: SavedQueryDef["kind"] = "osclause"): SavedQueryDef {
  return { name, title, where, kind };
}

const notHistoryWo = 'status!="CAN" and status!="CLOSE" and status!="COMP"';

const woQueries: SavedQueryDef[] = [
  query("ASSIGNEDWOLIST", "Assigned Work list excluding CAN,CLOSE,COMP,WAPPR", `${notHistoryWo} and status!="WAPPR"`),
  query("APPROVEWORK", "Approve Work Order list", 'status="WAPPR"'),
  query("WORKTOCLOSE", "Get Work Orders to Close", 'status="COMP"'),
  query("CLOSEDWORK", "Closed Work Order list", 'status="CLOSE"'),
  query("WOTASKS", "Work Order Tasks", "istask=1"),
  query("PMWOLIST", "Assigned Work type pm list excluding CAN,CLOSE,COMP,WAPPR", `worktype="PM" and ${notHistoryWo} and status!="WAPPR"`),
  query("myNotCompletedList", "Work orders not completed", notHistoryWo, "method"),
  query("WOTRACK:All Work Orders", "All Work Orders", 'woclass="WORKORDER"', "appclause"),
  query("WOTRACK:Bedford Work Orders", "X", 'siteid="BEDFORD"', "appclause"),
];

const wodetailChildren = (): OsChildDef[] => [
  child("wplabor", "showplanlabor"),
  child("wpmaterial", "showplanmaterial"),
  child("invreserve", "mxintinvres"),
  child("labtrans", "showactuallabor"),
  child("doclinks", "doclinks"),
];

const assetQueries: SavedQueryDef[] = [
  query("publicAssets", "Assets that are not disabled", "disabled=0", "method"),
  query("ITSTOCK", "IT Stock in Stock Locations (non-Storeroom)", 'assettype="IT"'),
  query("LINKED-ASSETS", "X", "children=1"),
  query("ASSET:Bad Actor - LTD Cost", "Life to date cost is 80% of replacement cost", "totalcost>=40000", "appclause"),
];

const srQueries: SavedQueryDef[] = [
  query("OPENSR", "Service requests that are not resolved, closed or cancelled", 'status!="RESOLVED" and status!="CLOSED" and status!="CANCELLED"'),
  query("NEWSR", "New service requests", 'status="NEW"'),
  query("SR:Bedford Service Requests", "Service requests at BEDFORD", 'siteid="BEDFORD"', "appclause"),
];

const personQueries: SavedQueryDef[] = [
  query("ACTIVEPERSON", "Active people", 'status="ACTIVE"'),
  query("PERSON:Inactive People", "Inactive people", 'status="INACTIVE"', "appclause"),
];

const poQueries: SavedQueryDef[] = [
  query("OPENPO", "Purchase orders that are not closed or canceled", 'status!="CLOSE" and status!="CAN"'),
  query("POTOAPPR", "Purchase orders waiting on approval", 'status="WAPPR"'),
];

const locationQueries: SavedQueryDef[] = [
  query("OPERLOCS", "Operating locations", 'type="OPERATING"'),
  query("LOCATION:Bedford Locations", "Locations at BEDFORD", 'siteid="BEDFORD"', "appclause"),
];

const scriptQueries: SavedQueryDef[] = [
  query("ACTIVESCRIPTS", "Active automation scripts", 'status="Active"'),
  query("DRAFTSCRIPTS", "Automation scripts in draft", 'status="Draft"'),
];

const scriptChildren = (): OsChildDef[] => [
  child("scriptlaunchpoint", "scriptlaunchpoint", [child("launchpointvars", "launchpointvars")]),
  child("autoscriptvars", "autoscriptvars"),
];

export function buildObjectStructures(): ObjectStructureDef[] {
  return [
    {
      name: "mxapiwodetail",
      description: "Maximo API for Work Orders with Plans and Reservations",
      mbo: "workorder",
      children: wodetailChildren(),
      savedQueries: woQueries,
      appName: "MXAPIWODETAIL",
      searchAttributes: ["wonum", "description"],
    },
    {
      name: "mxwodetail",
      description: "Work Order with Plans and Reservations",
      mbo: "workorder",
      children: wodetailChildren().filter((c) => c.name !== "labtrans" && c.name !== "doclinks"),
      savedQueries: woQueries.slice(0, 4),
      appName: "WOTRACK",
      searchAttributes: ["wonum", "description"],
    },
    {
      // Out of the box since Maximo 7.6 and in MAS (MAS Postman collections query it): the work order without its plans.
      name: "mxapiwo",
      description: "Maximo API for Work Orders",
      mbo: "workorder",
      children: [],
      savedQueries: woQueries.slice(0, 3),
      appName: "MXAPIWO",
      searchAttributes: ["wonum", "description"],
    },
    {
      name: "mxwo",
      description: "Work Order",
      mbo: "workorder",
      children: [],
      savedQueries: woQueries.slice(0, 3),
      appName: "WOTRACK",
      searchAttributes: ["wonum", "description"],
    },
    {
      name: "mxapiasset",
      description: "Maximo API for Assets",
      mbo: "asset",
      children: [child("assetmeter", "assetmeter"), child("doclinks", "doclinks")],
      savedQueries: assetQueries,
      appName: "MXAPIASSET",
      searchAttributes: ["assetnum", "description"],
    },
    {
      name: "mxasset",
      description: "Asset",
      mbo: "asset",
      children: [child("assetmeter", "assetmeter"), child("doclinks", "doclinks")],
      savedQueries: assetQueries,
      appName: "ASSET",
      searchAttributes: ["assetnum", "description"],
    },
    {
      name: "mxapilocations",
      description: "Maximo API for Locations",
      mbo: "locations",
      children: [child("lochierarchy", "lochierarchy"), child("doclinks", "doclinks")],
      savedQueries: locationQueries,
      appName: "MXAPILOCATIONS",
      searchAttributes: ["location", "description"],
    },
    {
      name: "mxapioperloc",
      description: "Maximo API for Operating Locations",
      mbo: "locations",
      children: [child("lochierarchy", "lochierarchy")],
      savedQueries: locationQueries,
      appName: "LOCATION",
      searchAttributes: ["location", "description"],
    },
    {
      name: "mxoperloc",
      description: "Operating Location",
      mbo: "locations",
      children: [child("lochierarchy", "lochierarchy")],
      savedQueries: locationQueries.slice(0, 1),
      appName: "LOCATION",
      searchAttributes: ["location", "description"],
    },
    {
      name: "mxapisr",
      description: "Maximo API for Service Requests",
      mbo: "sr",
      children: [child("doclinks", "doclinks")],
      savedQueries: srQueries,
      appName: "MXAPISR",
      searchAttributes: ["ticketid", "description"],
    },
    {
      name: "mxsr",
      description: "Service Request",
      mbo: "sr",
      children: [],
      savedQueries: srQueries.slice(0, 2),
      appName: "SR",
      searchAttributes: ["ticketid", "description"],
    },
    {
      name: "mxapiperson",
      description: "Maximo API for Person",
      mbo: "person",
      children: [],
      savedQueries: personQueries,
      appName: "MXAPIPERSON",
      searchAttributes: ["personid", "displayname"],
    },
    {
      name: "mxperson",
      description: "Person",
      mbo: "person",
      children: [],
      savedQueries: personQueries.slice(0, 1),
      appName: "PERSON",
      searchAttributes: ["personid", "displayname"],
    },
    {
      name: "mxapipo",
      description: "Maximo API for Purchase Orders",
      mbo: "po",
      children: [child("poline", "poline")],
      savedQueries: poQueries,
      appName: "MXAPIPO",
      searchAttributes: ["ponum", "description"],
    },
    {
      name: "mxpo",
      description: "Purchase Order",
      mbo: "po",
      children: [child("poline", "poline")],
      savedQueries: poQueries,
      appName: "PO",
      searchAttributes: ["ponum", "description"],
    },
    {
      name: "mxapiorganization",
      description: "Maximo API for Organizations",
      mbo: "organization",
      children: [child("site", "site")],
      savedQueries: [query("ACTIVEORGS", "Active organizations", "active=1")],
      appName: "MXAPIORGANIZATION",
      searchAttributes: ["orgid", "description"],
    },
    {
      name: "mxapiautoscript",
      description: "Maximo API for Automation Scripts",
      mbo: "autoscript",
      children: scriptChildren(),
      savedQueries: scriptQueries,
      appName: "MXAPIAUTOSCRIPT",
      searchAttributes: ["autoscript", "description"],
    },
    {
      // Not shipped by Maximo: the one script tools ask admins to create (PRODUCT.md).
      name: "mxscript",
      description: "Automation Script",
      mbo: "autoscript",
      children: scriptChildren(),
      savedQueries: scriptQueries,
      appName: "AUTOSCRIPT",
      searchAttributes: ["autoscript", "description"],
    },
    {
      // Value lists as IBM's MAS mobile apps read them (PRODUCT.md): `mxapidomain/{id}/synonymdomain`.
      name: "mxapidomain",
      description: "Maximo API for Domains",
      mbo: "maxdomain",
      children: [child("synonymdomain", "synonymdomain"), child("alndomain", "alndomain"), child("numericdomain", "numericdomain")],
      savedQueries: [],
      appName: "DOMAINADM",
      searchAttributes: ["domainid", "description"],
      readOnly: true,
    },
    {
      // `mxapisynonymdomain?oslc.where=domainid="WOSTATUS"` (PRODUCT.md). MOBILEDOMAIN is the saved
      // query IBM's mobile apps send with it (recorded answers); here it keeps every value.
      name: "mxapisynonymdomain",
      description: "Maximo API for Synonymdomain",
      mbo: "synonymdomain",
      children: [],
      savedQueries: [query("MOBILEDOMAIN", "Synonym domain values for the mobile applications", 'domainid="*"')],
      appName: "DOMAINADM",
      searchAttributes: ["domainid", "value", "description"],
      readOnly: true,
    },
  ];
}
