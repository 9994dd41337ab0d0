/** Assets (incl. 11450 and 1001 at BEDFORD, PRODUCT.md) and their meters. */
import type { Row } from "../model/types";
import type { Store } from "../store/store";
import { SeedRandom, dayMs, maximoDate, maximoDateTime, seedBaseTime, toMinute } from "./seedRandom";
import { sites } from "./seedReference";

interface AssetKind {
  description: string;
  assettype: string;
  manufacturer: string;
  meters: Array<[string, string]>;
  price: [number, number];
}

const kinds: AssetKind[] = [
  { description: "Centrifugal Pump 100GPM/60FT HD", assettype: "PRODUCTION", manufacturer: "GOULDS", meters: [["RUNHOURS", "HOURS"], ["PRESSURE", "PSI"]], price: [4000, 15000] },
  { description: "Air Handling Unit", assettype: "FACILITIES", manufacturer: "TRANE", meters: [["RUNHOURS", "HOURS"], ["TEMP-F", "DEG F"]], price: [20000, 60000] },
  { description: "Boiler, Fire Tube 200HP", assettype: "FACILITIES", manufacturer: "CLEAVER", meters: [["TEMP-F", "DEG F"], ["PRESSURE", "PSI"]], price: [50000, 120000] },
  { description: "Air Compressor, Rotary Screw", assettype: "PRODUCTION", manufacturer: "INGERSOLL", meters: [["RUNHOURS", "HOURS"]], price: [15000, 45000] },
  { description: "Belt Conveyor 24in", assettype: "PRODUCTION", manufacturer: "HYTROL", meters: [["RUNHOURS", "HOURS"]], price: [8000, 30000] },
  { description: "Fork Lift Truck, 5000 lb", assettype: "FLEET", manufacturer: "TOYOTA", meters: [["ODOMETER", "MILES"], ["RUNHOURS", "HOURS"]], price: [25000, 40000] },
  { description: "Service Van", assettype: "FLEET", manufacturer: "FORD", meters: [["ODOMETER", "MILES"]], price: [30000, 50000] },
  { description: "Emergency Generator 500kW", assettype: "FACILITIES", manufacturer: "CATERPILLR", meters: [["RUNHOURS", "HOURS"]], price: [90000, 200000] },
  { description: "Laptop Computer", assettype: "IT", manufacturer: "LENOVO", meters: [], price: [900, 2500] },
  { description: "Network Switch 48-port", assettype: "IT", manufacturer: "CISCO", meters: [], price: [2000, 9000] },
  { description: "Rooftop Unit, 10 Ton", assettype: "FACILITIES", manufacturer: "CARRIER", meters: [["RUNHOURS", "HOURS"]], price: [12000, 35000] },
  { description: "Fire Extinguisher, 10 lb ABC", assettype: "FACILITIES", manufacturer: "AMEREX", meters: [], price: [60, 200] },
];

/** Asset number ranges per site; 11450 falls in BEDFORD's range. */
const ranges: Array<[string, number, number]> = [
  ["BEDFORD", 11200, 11499],
  ["NASHUA", 11500, 11649],
  ["TEXAS", 11650, 11749],
];

export function seedAssets(store: Store, random: SeedRandom, locationsBySite: Map<string, string[]>): void {
  const plan: Array<[string, string]> = [];
  for (const [siteid, from, to] of ranges) for (let n = from; n <= to; n++) plan.push([String(n), siteid]);
  for (let n = 1001; n <= 1020; n++) plan.push([String(n), "BEDFORD"]);

  const assets: Row[] = [];
  for (const [assetnum, siteid] of plan) {
    const site = sites.find((s) => s.siteid === siteid)!;
    const kind = assetnum === "11450" ? kinds[0] : assetnum.length === 4 ? kinds[11] : random.pick(kinds);
    const installed = toMinute(seedBaseTime - random.int(200, 4000) * dayMs);
    const status = random.weighted([["OPERATING", 78], ["NOT READY", 6], ["BROKEN", 5], ["ACTIVE", 4], ["LIMITEDUSE", 3], ["DECOMMISSIONED", 4]] as const);
    const price = random.amount(kind.price[0], kind.price[1]);
    const totalcost = random.amount(0, price * 1.1);
    assets.push(store.insert("asset", {
      assetnum, description: kind.description, siteid, orgid: site.orgid, status,
      statusdate: maximoDateTime(installed + random.int(0, 150) * dayMs),
      location: random.pick(locationsBySite.get(siteid)!), parent: null, assettype: kind.assettype,
      assettag: `T-${assetnum}`, serialnum: `SN${random.int(100000, 999999)}`, manufacturer: kind.manufacturer,
      vendor: random.pick(["GRAYBAR", "GRAINGER", "MCMASTER", null]), itemnum: null, itemsetid: "SET1",
      priority: random.int(1, 5), isrunning: status !== "BROKEN" && status !== "DECOMMISSIONED",
      moved: false, children: false, disabled: status === "DECOMMISSIONED",
      installdate: maximoDateTime(installed), warrantyexpdate: maximoDate(installed + 3 * 365 * dayMs),
      purchaseprice: price, replacecost: Math.round(price * 1.25 * 100) / 100, totalcost,
      ytdcost: random.amount(0, totalcost / 3), budgetcost: random.amount(500, 10000),
      totdowntime: random.amount(0, 120), failurecode: kind.assettype === "IT" ? null : random.pick(["PUMPS", "HVAC", "BOILERS", "CONVEYOR", null]),
      calnum: "DAY", glaccount: "6000-200-000", classstructureid: null, expectedlife: random.int(5, 30),
      hasld: false, changeby: "MAXADMIN", changedate: maximoDateTime(installed),
    }));
  }

  // A few assets hang under another asset at the same site (a pump under its skid).
  const parentFlag = new Set<Row>();
  for (let i = 1; i < assets.length; i += 9) {
    const child = assets[i];
    const parent = assets[i - 1];
    if (child.siteid !== parent.siteid || child.assetnum === "11450") continue;
    store.update("asset", child, { parent: parent.assetnum, location: parent.location });
    parentFlag.add(parent);
  }
  for (const parent of parentFlag) store.update("asset", parent, { children: true });

  for (const asset of assets) {
    const kind = kinds.find((k) => k.description === asset.description)!;
    for (const [metername, unit] of kind.meters) {
      const since = random.amount(10, 40000);
      store.insert("assetmeter", {
        assetnum: asset.assetnum, metername, linearassetid: 0, siteid: asset.siteid, orgid: asset.orgid, active: true,
        measureunitid: unit, lastreading: String(Math.round(since)),
        lastreadingdate: maximoDateTime(toMinute(seedBaseTime - random.int(1, 60) * dayMs)),
        lastreadinginspctr: "WILSON", sinceinstall: since, sincelastrepair: random.amount(0, since),
        average: random.amount(1, 24), rollover: metername === "ODOMETER" ? 999999 : null,
        readingtype: metername === "ODOMETER" ? "DELTA" : "ACTUAL",
        newreading: null, newreadingdate: null,
      });
    }
  }
}
