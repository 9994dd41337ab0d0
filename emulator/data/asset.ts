/** ASSET, ASSETMETER, LOCATIONS and LOCHIERARCHY. */
import type { MboDef, Row } from "../model/types";
import { attr, changeAttrs, doclinksRel, longDescriptionAttrs, orgAttr, rel, siteAttr, uniqueIdAttr } from "./attributes";
import { closedWoStatuses } from "./workorder";

/** `openwo`-style relationships: work orders not yet in history. */
const openWoFilter = {
  filter: (row: Row) => !closedWoStatuses.includes(String(row.status)) && row.historyflag !== true,
  whereText: "status not in (select value from synonymdomain where domainid='WOSTATUS' and maxvalue in ('COMP','CLOSE','CAN')) and historyflag=0",
};

export function assetMbo(): MboDef {
  const key: Array<[string, string]> = [["assetnum", "assetnum"], ["siteid", "siteid"]];
  return {
    name: "asset",
    description: "Assets",
    keys: ["assetnum", "siteid"],
    uniqueId: "assetuid",
    attributes: [
      uniqueIdAttr("assetuid"),
      attr("assetnum", "UPPER", 25, "Asset", "Asset identifier.", { required: true, readonlyAfterInsert: true }),
      attr("description", "ALN", 100, "Description", "Describes the asset."),
      ...longDescriptionAttrs(),
      siteAttr(),
      orgAttr(),
      attr("status", "UPPER", 20, "Status", "Status of the asset.", { required: true, domainId: "LOCASSETSTATUS" }),
      attr("statusdate", "DATETIME", 10, "Status Date", "Date and time the status was last changed.", { required: true }),
      attr("location", "UPPER", 12, "Location", "Location of the asset."),
      attr("parent", "UPPER", 25, "Parent", "Asset of which this asset is a child."),
      attr("assettype", "UPPER", 15, "Type", "Type of asset, such as FACILITIES or FLEET.", { domainId: "ASSETTYPE" }),
      attr("assettag", "ALN", 64, "Asset Tag", "Tag that physically identifies the asset."),
      attr("serialnum", "ALN", 64, "Serial #", "Serial number of the asset."),
      attr("manufacturer", "UPPER", 12, "Manufacturer", "Company that manufactured the asset."),
      attr("vendor", "UPPER", 12, "Vendor", "Company the asset was bought from."),
      attr("itemnum", "UPPER", 30, "Rotating Item", "Rotating item the asset represents."),
      attr("itemsetid", "UPPER", 8, "Item Set", "Item set of the rotating item."),
      attr("priority", "INTEGER", 12, "Priority", "Importance of the asset, used for work order priority."),
      attr("isrunning", "YORN", 1, "Asset Up", "Indicates whether the asset is up.", { required: true }),
      attr("moved", "YORN", 1, "Moved", "Indicates whether the asset was moved.", { required: true }),
      attr("children", "YORN", 1, "Has Children", "Indicates whether the asset has child assets.", { required: true }),
      attr("disabled", "YORN", 1, "Disabled", "Indicates whether the asset is disabled.", { required: true }),
      attr("installdate", "DATETIME", 10, "Installation Date", "Date the asset was installed."),
      attr("warrantyexpdate", "DATE", 4, "Warranty Expiration", "Date the warranty expires."),
      attr("purchaseprice", "AMOUNT", 10, "Purchase Price", "Price paid for the asset.", { scale: 2 }),
      attr("replacecost", "AMOUNT", 10, "Replacement Cost", "Cost to replace the asset.", { scale: 2 }),
      attr("totalcost", "AMOUNT", 10, "Total Cost", "Total maintenance cost of the asset to date.", { scale: 2 }),
      attr("ytdcost", "AMOUNT", 10, "YTD Cost", "Maintenance cost of the asset this year.", { scale: 2 }),
      attr("budgetcost", "AMOUNT", 10, "Budgeted", "Budgeted maintenance cost.", { scale: 2 }),
      attr("totdowntime", "DURATION", 8, "Total Downtime", "Total hours the asset was down.", { scale: 2 }),
      attr("failurecode", "UPPER", 8, "Failure Class", "Failure class of the asset."),
      attr("calnum", "UPPER", 8, "Calendar", "Calendar of the asset."),
      attr("glaccount", "GL", 20, "GL Account", "General ledger account of the asset."),
      attr("classstructureid", "UPPER", 20, "Classification", "Classification of the asset."),
      attr("expectedlife", "INTEGER", 12, "Expected Life", "Expected life in years."),
      ...changeAttrs(),
    ],
    relationships: [
      // The JSON API reference's aliasing example: attribute `location` and relationship `location`.
      rel("location", "locations", [["location", "location"], ["siteid", "siteid"]]),
      rel("openwo", "workorder", key, openWoFilter),
      rel("allwo", "workorder", key),
      rel("assetmeter", "assetmeter", key),
      rel("parent", "asset", [["parent", "assetnum"], ["siteid", "siteid"]]),
      rel("assetchildren", "asset", [["assetnum", "parent"], ["siteid", "siteid"]]),
      rel("site", "site", [["siteid", "siteid"]]),
      doclinksRel("asset", "assetuid"),
    ],
  };
}

export function assetmeterMbo(): MboDef {
  return {
    name: "assetmeter",
    description: "Asset Meters",
    keys: ["assetnum", "metername", "siteid"],
    uniqueId: "assetmeterid",
    attributes: [
      uniqueIdAttr("assetmeterid"),
      attr("assetnum", "UPPER", 25, "Asset", "Asset the meter is on.", { required: true, readonlyAfterInsert: true }),
      attr("metername", "UPPER", 10, "Meter", "Meter identifier.", { required: true, readonlyAfterInsert: true }),
      // Reference §11: "the primary keys of the assetmeter - metername and linearassetid" (0 on a meter of a non-linear asset).
      attr("linearassetid", "BIGINT", 19, "Linear Asset ID", "Linear asset the meter is on; 0 when the asset is not linear.", { required: true }),
      siteAttr(),
      orgAttr(),
      attr("active", "YORN", 1, "Active", "Indicates whether the meter is active.", { required: true }),
      attr("measureunitid", "UPPER", 16, "Unit of Measure", "Unit the meter reads in."),
      attr("lastreading", "ALN", 15, "Last Reading", "Last reading entered."),
      attr("lastreadingdate", "DATETIME", 10, "Last Reading Date", "Date and time of the last reading."),
      attr("lastreadinginspctr", "UPPER", 30, "Last Reading Inspector", "Person who entered the last reading."),
      attr("sinceinstall", "DECIMAL", 15, "Life to Date", "Meter units since the asset was installed.", { scale: 2 }),
      attr("sincelastrepair", "DECIMAL", 15, "Since Last Repair", "Meter units since the last repair.", { scale: 2 }),
      attr("average", "DECIMAL", 15, "Average Units per Day", "Average meter units per day.", { scale: 2 }),
      attr("rollover", "DECIMAL", 15, "Rollover", "Reading at which the meter rolls over.", { scale: 2 }),
      attr("readingtype", "UPPER", 10, "Reading Type", "ACTUAL or DELTA readings."),
      attr("newreading", "ALN", 15, "New Reading", "Reading to enter.", { persistent: false }),
      attr("newreadingdate", "DATETIME", 10, "New Reading Date", "Date and time of the reading to enter.", { persistent: false }),
    ],
    relationships: [rel("asset", "asset", [["assetnum", "assetnum"], ["siteid", "siteid"]])],
  };
}

export function locationsMbo(): MboDef {
  const key: Array<[string, string]> = [["location", "location"], ["siteid", "siteid"]];
  return {
    name: "locations",
    description: "Locations",
    keys: ["location", "siteid"],
    uniqueId: "locationsid",
    attributes: [
      uniqueIdAttr("locationsid"),
      attr("location", "UPPER", 12, "Location", "Location identifier.", { required: true, readonlyAfterInsert: true }),
      attr("description", "ALN", 100, "Description", "Describes the location."),
      ...longDescriptionAttrs(),
      siteAttr(),
      orgAttr(),
      attr("type", "UPPER", 16, "Type", "Type of location, such as OPERATING or STOREROOM.", { required: true, domainId: "LOCTYPE" }),
      attr("status", "UPPER", 20, "Status", "Status of the location.", { required: true, domainId: "LOCASSETSTATUS" }),
      attr("statusdate", "DATETIME", 10, "Status Date", "Date and time the status was last changed.", { required: true }),
      attr("glaccount", "GL", 20, "GL Account", "General ledger account of the location."),
      attr("failurecode", "UPPER", 8, "Failure Class", "Failure class of the location."),
      attr("classstructureid", "UPPER", 20, "Classification", "Classification of the location."),
      attr("disabled", "YORN", 1, "Disabled", "Indicates whether the location is disabled.", { required: true }),
      attr("isrepairfacility", "YORN", 1, "Repair Facility", "Indicates whether the location is a repair facility.", { required: true }),
      attr("parent", "UPPER", 12, "Parent", "Parent location in the primary system.", { persistent: false }),
      ...changeAttrs(),
    ],
    relationships: [
      rel("asset", "asset", key),
      rel("openwo", "workorder", key, openWoFilter),
      rel("lochierarchy", "lochierarchy", key),
      rel("children", "lochierarchy", [["location", "parent"], ["siteid", "siteid"]]),
      rel("site", "site", [["siteid", "siteid"]]),
      doclinksRel("locations", "locationsid"),
    ],
  };
}

export function lochierarchyMbo(): MboDef {
  return {
    name: "lochierarchy",
    description: "Location Hierarchy",
    keys: ["location", "systemid", "siteid"],
    uniqueId: "lochierarchyid",
    attributes: [
      uniqueIdAttr("lochierarchyid"),
      attr("location", "UPPER", 12, "Location", "Location in the system.", { required: true }),
      attr("parent", "UPPER", 12, "Parent", "Parent location in the system."),
      attr("systemid", "UPPER", 8, "System", "Location system.", { required: true }),
      siteAttr(),
      orgAttr(),
      attr("children", "YORN", 1, "Has Children", "Indicates whether the location has children.", { required: true }),
    ],
    relationships: [rel("locations", "locations", [["location", "location"], ["siteid", "siteid"]])],
  };
}
