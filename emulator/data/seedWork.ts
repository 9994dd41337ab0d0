/**
 * Work orders with a realistic spread of sites, statuses, work types, priorities and dates,
 * plus their planned labor and materials, reservations, actual labor and attachments.
 */
import type { Row } from "../model/types";
import type { Store } from "../store/store";
import { SeedRandom, dayMs, hours, maximoDateTime, seedBaseTime, toMinute } from "./seedRandom";
import type { ReferenceData } from "./seedReference";
import { sites } from "./seedReference";

/** The default number of work orders; `--work-orders` asks for more (bench/emulator's 50 MB answer). */
export const seededWorkOrderCount = 5200;

const problems = [
  "Pump leaking at mechanical seal", "Replace worn drive belt", "Motor overheating", "Inspect and lubricate bearings",
  "Filter change - quarterly PM", "Noisy compressor", "Calibrate pressure gauge", "Repair roof drain",
  "Annual boiler inspection", "Replace burnt-out lighting", "Forklift hydraulic leak", "Conveyor belt misalignment",
  "HVAC not cooling", "Check fire extinguisher pressure", "Replace door closer", "Generator load test",
  "Clean condenser coils", "Replace cracked window", "Tighten electrical connections", "Vibration analysis",
];

const items: Array<[string, string, string, number]> = [
  ["11453", "Mechanical Seal, 1-3/4in", "EACH", 142.5],
  ["0-0031", "Fuse, 30 Amp", "EACH", 3.25],
  ["0-1088", "V-Belt, B48", "EACH", 18.9],
  ["0-2212", "Bearing, Ball 6205-2RS", "EACH", 12.4],
  ["0-3301", "Filter, Pleated 20x25x2", "EACH", 9.75],
  ["0-4420", "Grease, Lithium EP2 14oz", "TUBE", 6.1],
  ["0-5580", "Gasket Kit, Pump Casing", "KIT", 55.0],
  ["0-6612", "Lamp, LED 4ft T8", "EACH", 11.3],
];

const statusWeights = [
  ["CLOSE", 30], ["COMP", 10], ["CAN", 5], ["WAPPR", 20], ["APPR", 10], ["INPRG", 10], ["WSCH", 7], ["WMATL", 5], ["WPCOND", 3],
] as const;

const started = new Set(["INPRG", "COMP", "CLOSE"]);
const finished = new Set(["COMP", "CLOSE"]);
const scheduled = new Set(["APPR", "WSCH", "WMATL", "WPCOND", "INPRG", "COMP", "CLOSE"]);

interface WoPlan {
  wonum: string;
  siteIndex: number;
  parent?: Row;
  taskid?: number;
}

export function seedWorkOrders(store: Store, random: SeedRandom, reference: ReferenceData, count = seededWorkOrderCount): void {
  const assetsBySite = new Map<string, Row[]>();
  for (const asset of store.rows("asset")) {
    const list = assetsBySite.get(String(asset.siteid)) ?? [];
    list.push(asset);
    assetsBySite.set(String(asset.siteid), list);
  }
  let next = 1001;
  let requestnum = 1001;
  let created = 0;
  while (created < count) {
    const siteIndex = random.weighted([[0, 50], [1, 30], [2, 20]] as const);
    const parent = insertWorkOrder(store, random, reference, assetsBySite, { wonum: String(next++), siteIndex });
    created++;
    // Every 25th work order is a parent with tasks, as job plans create them.
    if (created % 25 === 0) {
      for (let t = 1; t <= random.int(2, 3); t++) {
        insertWorkOrder(store, random, reference, assetsBySite, { wonum: String(next++), siteIndex, parent, taskid: t * 10 });
        created++;
      }
      store.update("workorder", parent, { haschildren: true });
    }
  }
  for (const wo of store.rows("workorder")) {
    requestnum = addPlansAndActuals(store, random, reference, wo, requestnum);
  }
}

function insertWorkOrder(
  store: Store,
  random: SeedRandom,
  reference: ReferenceData,
  assetsBySite: Map<string, Row[]>,
  plan: WoPlan,
): Row {
  const site = sites[plan.siteIndex];
  const parent = plan.parent;
  const status = parent ? String(parent.status) : random.weighted(statusWeights);
  const reported = parent
    ? Date.parse(String(parent.reportdate))
    : toMinute(seedBaseTime - random.int(0, 730 * 24) * hours(1) - random.int(0, 59) * 60_000);
  const targstart = reported + random.int(1, 14) * dayMs;
  const targcomp = targstart + random.int(1, 10) * dayMs;
  const actstart = started.has(status) ? targstart + random.int(-2, 3) * dayMs + hours(random.int(0, 8)) : null;
  const estdur = random.int(1, 32) / 2;
  const actfinish = actstart !== null && finished.has(status) ? actstart + hours(estdur * random.int(8, 14) / 10) : null;
  const statusTime = Math.min(actfinish ?? actstart ?? reported + random.int(0, 3) * dayMs, seedBaseTime);
  const asset = parent
    ? (parent.assetnum ? store.findByKey("asset", [String(parent.assetnum), site.siteid]) : undefined)
    : random.chance(0.8) ? random.pick(assetsBySite.get(site.siteid)!) : undefined;
  const worktype = parent ? parent.worktype : random.weighted([["CM", 35], ["PM", 35], ["EM", 10], ["CAP", 5], ["EV", 5]] as const);
  const withLd = random.chance(0.1);
  const people = reference.people;
  return store.insert("workorder", {
    wonum: plan.wonum,
    description: parent ? `Task ${plan.taskid}: ${random.pick(problems)}` : random.pick(problems),
    hasld: withLd,
    description_longdescription: withLd ? `<div>Reported by operator. ${random.pick(problems)}. Check the area and report findings.</div>` : null,
    status, statusdate: maximoDateTime(statusTime),
    siteid: site.siteid, orgid: site.orgid,
    woclass: parent ? "ACTIVITY" : "WORKORDER",
    worktype, wopriority: random.chance(0.9) ? random.int(1, 5) : null, calcpriority: null,
    assetnum: asset ? asset.assetnum : null,
    location: asset ? asset.location : random.pick(reference.locationsBySite.get(site.siteid)!),
    parent: parent ? parent.wonum : null, istask: Boolean(parent), taskid: plan.taskid ?? null,
    wogroup: parent ? parent.wonum : plan.wonum, haschildren: false,
    historyflag: status === "CLOSE" || status === "CAN",
    reportdate: maximoDateTime(reported), reportedby: random.pick(people), phone: null, onbehalfof: null,
    targstartdate: maximoDateTime(targstart), targcompdate: maximoDateTime(targcomp),
    schedstart: scheduled.has(status) ? maximoDateTime(targstart) : null,
    schedfinish: scheduled.has(status) ? maximoDateTime(targstart + hours(estdur)) : null,
    actstart: actstart === null ? null : maximoDateTime(actstart),
    actfinish: actfinish === null ? null : maximoDateTime(actfinish),
    respondby: null, estdur, estlabhrs: 0, actlabhrs: 0,
    estlabcost: 0, estmatcost: 0, esttoolcost: 0, estservcost: 0,
    actlabcost: 0, actmatcost: 0, acttoolcost: 0, actservcost: 0,
    jpnum: worktype === "PM" ? random.pick(["JP1001", "JP1002", "JP1010", "JP1020"]) : null,
    pmnum: worktype === "PM" ? `PM${random.int(100, 999)}` : null,
    supervisor: random.chance(0.7) ? "WILSON" : null, lead: random.chance(0.5) ? random.pick(reference.laborers).personid : null,
    crewid: null, persongroup: random.pick(["MAINT", "FACIL", "ELECT", null]), owner: null, ownergroup: null,
    glaccount: "6000-200-000", failurecode: asset ? asset.failurecode : null, problemcode: null, vendor: null,
    classstructureid: null, origrecordid: null, origrecordclass: null,
    downtime: false, woacceptscharges: true, chargestore: false,
    changeby: random.pick(people), changedate: maximoDateTime(statusTime),
  });
}

/** Planned labor/material for most work orders; actual labor once work started. */
function addPlansAndActuals(store: Store, random: SeedRandom, reference: ReferenceData, wo: Row, requestnum: number): number {
  const status = String(wo.status);
  const base = { wonum: wo.wonum, siteid: wo.siteid, orgid: wo.orgid };
  let estlabhrs = 0;
  let estlabcost = 0;
  let estmatcost = 0;
  const planned: Array<{ laborcode: string; craft: string; hours: number; rate: number }> = [];
  if (random.chance(0.5)) {
    for (let i = random.int(1, 3); i > 0; i--) {
      const labor = random.pick(reference.laborers);
      const laborhrs = random.int(1, 16) / 2;
      const rate = random.pick([38.5, 42, 45.25, 52]);
      const quantity = random.chance(0.8) ? 1 : 2;
      const linecost = Math.round(quantity * laborhrs * rate * 100) / 100;
      store.insert("wplabor", {
        ...base, taskid: wo.taskid, laborcode: random.chance(0.7) ? labor.personid : null, craft: labor.craft,
        skilllevel: random.pick(["FIRSTCLASS", "SECONDCLASS", null]), quantity, laborhrs, rate, linecost,
        vendor: null, amcrew: null, rateispercent: false,
      });
      planned.push({ laborcode: labor.personid, craft: labor.craft, hours: laborhrs, rate });
      estlabhrs += quantity * laborhrs;
      estlabcost += linecost;
    }
  }
  if (random.chance(0.3)) {
    const site = sites.find((s) => s.siteid === wo.siteid)!;
    for (let i = random.int(1, 3); i > 0; i--) {
      const [itemnum, description, unit, cost] = random.pick(items);
      const itemqty = random.int(1, 6);
      const linecost = Math.round(itemqty * cost * 100) / 100;
      const direct = random.chance(0.15);
      store.insert("wpmaterial", {
        ...base, taskid: wo.taskid, itemnum, itemsetid: "SET1", description, linetype: "ITEM", itemqty,
        orderunit: unit, unitcost: cost, linecost, location: direct ? null : site.storeroom,
        storelocsite: direct ? null : site.siteid, directreq: direct, requiredate: wo.targstartdate,
        requestby: wo.reportedby,
      });
      if (!direct && ["APPR", "WSCH", "WMATL", "WPCOND", "INPRG"].includes(status)) {
        store.insert("invreserve", {
          requestnum: String(requestnum++), ...base, itemnum, itemsetid: "SET1", description,
          location: site.storeroom, storelocsiteid: site.siteid, reservedqty: itemqty, actualqty: 0,
          requireddate: wo.targstartdate, requestedby: wo.reportedby, restype: "AUTOMATIC",
        });
      }
      estmatcost += linecost;
    }
  }
  let actlabhrs = 0;
  let actlabcost = 0;
  if (started.has(status) && wo.actstart) {
    const start = Date.parse(String(wo.actstart));
    for (const p of planned) {
      const worked = Math.max(0.5, Math.round(p.hours * random.int(7, 13) / 10 * 2) / 2);
      const linecost = Math.round(worked * p.rate * 100) / 100;
      store.insert("labtrans", {
        refwo: wo.wonum, siteid: wo.siteid, orgid: wo.orgid, laborcode: p.laborcode, craft: p.craft,
        startdate: maximoDateTime(Math.floor(start / dayMs) * dayMs), starttime: "1970-01-01T08:00:00+00:00",
        finishdate: maximoDateTime(Math.floor(start / dayMs) * dayMs), finishtime: null,
        regularhrs: worked, payrate: p.rate, linecost, transtype: "WORK", genapprservreceipt: finished.has(status),
        enterby: p.laborcode, enterdate: maximoDateTime(start + hours(worked)), transdate: maximoDateTime(start + hours(worked)),
      });
      actlabhrs += worked;
      actlabcost += linecost;
    }
  }
  if (estlabhrs || estmatcost || actlabhrs) {
    store.update("workorder", wo, {
      estlabhrs, estlabcost: round2(estlabcost), estmatcost: round2(estmatcost),
      actlabhrs, actlabcost: round2(actlabcost),
    });
  }
  return requestnum;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
