/** Service requests, purchase orders and attachments. */
import type { Row } from "../model/types";
import type { Store } from "../store/store";
import { SeedRandom, dayMs, hours, maximoDateTime, seedBaseTime, toMinute } from "./seedRandom";
import type { ReferenceData } from "./seedReference";
import { sites } from "./seedReference";

export const seededSrCount = 250;

const complaints = [
  "Office too hot", "Light out in hallway", "Water leak under sink", "Door will not lock", "Strange smell in break room",
  "Printer jammed", "Parking lot light flickering", "Elevator making noise", "Need extra desk", "Restroom out of soap",
];

export function seedServiceRequests(store: Store, random: SeedRandom, reference: ReferenceData): void {
  for (let i = 0; i < seededSrCount; i++) {
    const site = sites[random.weighted([[0, 50], [1, 30], [2, 20]] as const)];
    const status = random.weighted([["NEW", 20], ["QUEUED", 15], ["PENDING", 5], ["INPROG", 15], ["RESOLVED", 15], ["CLOSED", 25], ["CANCELLED", 5]] as const);
    const reported = toMinute(seedBaseTime - random.int(0, 365 * 24) * hours(1));
    const reporter = random.pick(reference.people);
    const asset = random.chance(0.4) ? random.pick(store.rows("asset").filter((a) => a.siteid === site.siteid).slice(0, 80)) : undefined;
    const done = status === "RESOLVED" || status === "CLOSED";
    store.insert("sr", {
      ticketid: String(1001 + i), class: "SR", description: random.pick(complaints), hasld: false,
      description_longdescription: null, status, statusdate: maximoDateTime(reported + (done ? random.int(1, 10) * dayMs : 0)),
      siteid: site.siteid, orgid: site.orgid, reportedby: reporter, reportdate: maximoDateTime(reported),
      affectedperson: reporter, affectedphone: null, affectedemail: `${reporter.toLowerCase()}@eagle.example.com`,
      reportedpriority: random.int(1, 4), internalpriority: random.chance(0.5) ? random.int(1, 4) : null,
      urgency: random.int(1, 4), impact: random.int(1, 4),
      assetnum: asset ? asset.assetnum : null, assetsiteid: site.siteid,
      location: asset ? asset.location : random.pick(reference.locationsBySite.get(site.siteid)!),
      owner: status === "NEW" ? null : "WILSON", ownergroup: null,
      targetstart: null, targetfinish: null, actualstart: null,
      actualfinish: done ? maximoDateTime(reported + random.int(1, 10) * dayMs) : null,
      classstructureid: null, externalsystem: random.pick(["EMAIL", "SELFSERV", "PHONE"]),
      historyflag: status === "CLOSED" || status === "CANCELLED",
      changeby: "WILSON", changedate: maximoDateTime(reported),
    });
  }
}

export function seedPurchaseOrders(store: Store, random: SeedRandom): void {
  for (let i = 0; i < 12; i++) {
    const site = sites[i % 3];
    const ordered = toMinute(seedBaseTime - random.int(5, 300) * dayMs);
    const status = random.weighted([["WAPPR", 3], ["APPR", 4], ["INPRG", 2], ["CLOSE", 3]] as const);
    const po = store.insert("po", {
      ponum: String(1001 + i), revisionnum: 0, description: `Maintenance supplies order ${i + 1}`, hasld: false,
      siteid: site.siteid, orgid: site.orgid, status, statusdate: maximoDateTime(ordered), potype: "STD",
      vendor: random.pick(["GRAINGER", "GRAYBAR", "MCMASTER"]), orderdate: maximoDateTime(ordered),
      requireddate: maximoDateTime(ordered + 14 * dayMs), purchaseagent: "WILSON", shipto: site.storeroom,
      currencycode: "USD", pretaxtotal: 0, totalcost: 0, receipts: status === "CLOSE" ? "COMPLETE" : "NONE",
      changeby: "WILSON", changedate: maximoDateTime(ordered),
    });
    let total = 0;
    for (let line = 1; line <= random.int(1, 5); line++) {
      const orderqty = random.int(1, 50);
      const unitcost = random.amount(2, 300);
      const linecost = Math.round(orderqty * unitcost * 100) / 100;
      total += linecost;
      store.insert("poline", {
        ponum: po.ponum, polinenum: line, revisionnum: 0, siteid: site.siteid, orgid: site.orgid,
        linetype: "ITEM", itemnum: `0-${String(1000 + random.int(0, 8999))}`, itemsetid: "SET1",
        description: random.pick(["Bearing, Ball", "V-Belt", "Filter, Pleated", "Fuse, 30 Amp", "Gasket Kit"]),
        orderqty, orderunit: "EACH", unitcost, linecost, receivedqty: status === "CLOSE" ? orderqty : 0,
        storeloc: site.storeroom, refwo: null, enterby: "WILSON", enterdate: maximoDateTime(ordered),
      });
    }
    total = Math.round(total * 100) / 100;
    store.update("po", po, { pretaxtotal: total, totalcost: total });
  }
}

const documents: Array<[string, string, string]> = [
  ["PUMPMANUAL", "Pump maintenance manual", "pump-manual.pdf"],
  ["PHOTO", "Photo of the failure", "failure-photo.jpg"],
  ["PERMIT", "Hot work permit", "hot-work-permit.pdf"],
  ["WIRING", "Wiring diagram", "wiring-diagram.png"],
];

/** Attachments on about 5% of work orders, 10% of assets and 5% of service requests. */
export function seedDoclinks(store: Store, random: SeedRandom): void {
  const attach = (ownertable: string, owner: Row, ownerid: number, changedate: string) => {
    const [document, description, file] = random.pick(documents);
    store.insert("doclinks", {
      document, doctype: random.pick(["Attachments", "Images"]), ownertable, ownerid, description,
      urltype: "FILE", urlname: `/DOCLINKS/default/${String(owner[store.mbo(ownertable.toLowerCase()).uniqueId])}-${file}`,
      weburl: null, docinfoid: null, getlatestversion: true, printthrulink: true, copylinktowo: false,
      createby: "WILSON", createdate: changedate, changeby: "WILSON", changedate,
    });
  };
  for (const [mbo, share] of [["workorder", 0.05], ["asset", 0.1], ["sr", 0.05]] as const) {
    const uniqueId = store.mbo(mbo).uniqueId;
    for (const row of store.rows(mbo)) {
      if (!random.chance(share)) continue;
      for (let n = random.int(1, 2); n > 0; n--) attach(mbo.toUpperCase(), row, Number(row[uniqueId]), String(row.changedate));
    }
  }
}
