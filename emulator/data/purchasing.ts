/** PO and POLINE. */
import type { MboDef } from "../model/types";
import { attr, changeAttrs, longDescriptionAttrs, orgAttr, rel, siteAttr, uniqueIdAttr } from "./attributes";

export function poMbo(): MboDef {
  return {
    name: "po",
    description: "Purchase Order",
    keys: ["ponum", "revisionnum", "siteid"],
    uniqueId: "poid",
    attributes: [
      uniqueIdAttr("poid"),
      attr("ponum", "UPPER", 8, "PO", "Identifies the purchase order.", { required: true, readonlyAfterInsert: true }),
      attr("revisionnum", "INTEGER", 12, "Revision", "Revision number of the purchase order.", { required: true, readonlyAfterInsert: true }),
      attr("description", "ALN", 100, "Description", "Describes the purchase order."),
      ...longDescriptionAttrs(),
      siteAttr(),
      orgAttr(),
      attr("status", "UPPER", 20, "Status", "Status of the purchase order.", { required: true, domainId: "POSTATUS" }),
      attr("statusdate", "DATETIME", 10, "Status Date", "Date and time the status was last changed.", { required: true }),
      attr("potype", "UPPER", 15, "Type", "Type of purchase order, such as STD or RELEASE."),
      attr("vendor", "UPPER", 12, "Vendor", "Company the items are bought from."),
      attr("orderdate", "DATETIME", 10, "Order Date", "Date and time the order was placed.", { required: true }),
      attr("requireddate", "DATETIME", 10, "Required Date", "Date the items are required."),
      attr("purchaseagent", "UPPER", 30, "Purchase Agent", "Person who buys the items."),
      attr("shipto", "UPPER", 30, "Ship To", "Where the items are shipped."),
      attr("currencycode", "UPPER", 8, "Currency", "Currency of the order.", { required: true }),
      attr("pretaxtotal", "AMOUNT", 10, "Pretax Total", "Total of the lines before tax.", { scale: 2 }),
      attr("totalcost", "AMOUNT", 10, "Total Cost", "Total cost of the order.", { scale: 2 }),
      attr("receipts", "UPPER", 20, "Receipts", "NONE, PARTIAL or COMPLETE."),
      ...changeAttrs(),
    ],
    relationships: [
      rel("poline", "poline", [["ponum", "ponum"], ["revisionnum", "revisionnum"], ["siteid", "siteid"]]),
      rel("site", "site", [["siteid", "siteid"]]),
    ],
  };
}

export function polineMbo(): MboDef {
  return {
    name: "poline",
    description: "Purchase Order Line",
    keys: ["ponum", "polinenum", "revisionnum", "siteid"],
    uniqueId: "polineid",
    attributes: [
      uniqueIdAttr("polineid"),
      attr("ponum", "UPPER", 8, "PO", "Purchase order of the line.", { required: true }),
      attr("polinenum", "INTEGER", 12, "Line", "Line number.", { required: true }),
      attr("revisionnum", "INTEGER", 12, "Revision", "Revision of the purchase order.", { required: true }),
      siteAttr(),
      orgAttr(),
      attr("linetype", "UPPER", 15, "Line Type", "Type of the line, such as ITEM or MATERIAL.", { required: true }),
      attr("itemnum", "UPPER", 30, "Item", "Item ordered."),
      attr("itemsetid", "UPPER", 8, "Item Set", "Item set of the item."),
      attr("description", "ALN", 100, "Description", "Describes the line."),
      attr("orderqty", "DECIMAL", 15, "Quantity", "Quantity ordered.", { scale: 2 }),
      attr("orderunit", "UPPER", 16, "Order Unit", "Unit of the quantity."),
      attr("unitcost", "AMOUNT", 10, "Unit Cost", "Cost of one unit.", { scale: 2 }),
      attr("linecost", "AMOUNT", 10, "Line Cost", "Quantity times unit cost.", { required: true, scale: 2 }),
      attr("receivedqty", "DECIMAL", 15, "Quantity Received", "Quantity received so far.", { scale: 2 }),
      attr("storeloc", "UPPER", 12, "Storeroom", "Storeroom the items go to."),
      attr("refwo", "UPPER", 25, "Work Order", "Work order the items are for."),
      attr("enterby", "UPPER", 30, "Entered By", "Person who entered the line.", { required: true }),
      attr("enterdate", "DATETIME", 10, "Entered Date", "Date and time the line was entered.", { required: true }),
    ],
    relationships: [rel("po", "po", [["ponum", "ponum"], ["revisionnum", "revisionnum"], ["siteid", "siteid"]])],
  };
}
