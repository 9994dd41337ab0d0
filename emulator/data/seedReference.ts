/** Organizations, sites, people, users, locations and the location hierarchy. */
import type { Store } from "../store/store";
import { SeedRandom, dayMs, maximoDate, maximoDateTime, seedBaseTime } from "./seedRandom";

export interface SiteInfo {
  siteid: string;
  orgid: string;
  description: string;
  /** The top of the site's PRIMARY location system. */
  top: string;
  storeroom: string;
}

export const sites: SiteInfo[] = [
  { siteid: "BEDFORD", orgid: "EAGLENA", description: "Bedford Manufacturing Plant", top: "BEDFORD", storeroom: "CENTRAL" },
  { siteid: "NASHUA", orgid: "EAGLENA", description: "Nashua Distribution Center", top: "NASHUA", storeroom: "NASHSTORE" },
  { siteid: "TEXAS", orgid: "EAGLENA", description: "Texas Field Operations", top: "TEXAS", storeroom: "TXSTORE" },
  { siteid: "LONDON", orgid: "EAGLEUK", description: "London Office", top: "LONDON", storeroom: "LONSTORE" },
];

/** Site-independent reference data the later seed steps draw on. */
export interface ReferenceData {
  people: string[];
  laborers: Array<{ personid: string; craft: string }>;
  /** Operating locations per site (not the top and not storerooms). */
  locationsBySite: Map<string, string[]>;
}

const setupDate = maximoDateTime(seedBaseTime - 900 * dayMs);

export function seedOrganizations(store: Store): void {
  for (const [orgid, description, currency] of [
    ["EAGLENA", "Eagle North America", "USD"],
    ["EAGLEUK", "Eagle United Kingdom", "GBP"],
  ] as const) {
    store.insert("organization", {
      orgid, description, basecurrency1: currency, itemsetid: "SET1", companysetid: "COMPSET1",
      clearingacct: "6600-800-SAF", active: true, enterby: "MAXADMIN", enterdate: setupDate,
      changeby: "MAXADMIN", changedate: setupDate,
    });
  }
  for (const site of sites) {
    store.insert("site", {
      siteid: site.siteid, description: site.description, orgid: site.orgid, active: true,
      enterby: "MAXADMIN", enterdate: setupDate, changeby: "MAXADMIN", changedate: setupDate,
    });
  }
}

const firstNames = ["Mike", "Sam", "Lisa", "Frank", "Ruth", "John", "Maria", "Paul", "Anne", "Tom", "Grace", "Ivan", "Nina", "Raj", "Chen", "Olga", "Luis", "Emma", "Kofi", "Yuki"];
const lastNames = ["Smith", "Jones", "Hall", "Brown", "Walker", "Taylor", "Moore", "Clark", "Lewis", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Ramos", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Flores", "Morris", "Nguyen", "Murphy", "Rivera", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox", "Diaz"];
const crafts = ["MECH", "ELECT", "HVAC", "CARP", "PIPE"];

export function seedPeople(store: Store, random: SeedRandom): Pick<ReferenceData, "people" | "laborers"> {
  const people: string[] = [];
  const laborers: ReferenceData["laborers"] = [];
  const addPerson = (personid: string, firstname: string, lastname: string, title: string, siteIndex: number) => {
    const site = sites[siteIndex];
    store.insert("person", {
      personid, firstname, lastname, displayname: `${firstname} ${lastname}`, title,
      status: random.chance(0.94) ? "ACTIVE" : "INACTIVE", statusdate: setupDate,
      department: random.pick(["Maintenance", "Facilities", "Operations", "Stores", "IT"]),
      supervisor: personid === "WILSON" || personid === "MAXADMIN" ? null : "WILSON",
      employeetype: random.pick(["FULLTIME", "CONTRACTOR"]), jobcode: null,
      location: null, locationsite: site.siteid, locationorg: site.orgid,
      city: random.pick(["Bedford", "Nashua", "Houston", "Boston"]), stateprovince: random.pick(["MA", "NH", "TX"]),
      country: "US", language: "EN", birthdate: maximoDate(seedBaseTime - random.int(22, 64) * 365 * dayMs),
      primaryemail: `${firstname.toLowerCase()}.${lastname.toLowerCase()}@eagle.example.com`,
      primaryphone: `(781) 555-${String(random.int(1000, 9999))}`,
      acceptingwfmail: true, hasld: false,
    });
    people.push(personid);
  };
  addPerson("MAXADMIN", "Max", "Admin", "System Administrator", 0);
  addPerson("WILSON", "Mike", "Wilson", "Maintenance Supervisor", 0);
  for (let i = 0; i < lastNames.length; i++) {
    const personid = lastNames[i].toUpperCase();
    addPerson(personid, firstNames[i % firstNames.length], lastNames[i], "Maintenance Technician", i % 3);
    if (i < 30) laborers.push({ personid, craft: crafts[i % crafts.length] });
  }
  for (const [userid, type] of [["MAXADMIN", "TYPE 1"], ["WILSON", "TYPE 1"], ["SMITH", "TYPE 2"], ["JONES", "TYPE 2"]] as const) {
    store.insert("maxuser", {
      userid, loginid: userid.toLowerCase(), personid: userid, status: "ACTIVE", type,
      defsite: "BEDFORD", querywithsite: true, sysuser: userid === "MAXADMIN", failedlogins: 0,
    });
  }
  return { people, laborers };
}

/** Rooms and areas under each site's top location, with a second level under some. */
const areaNames = ["Boiler Room", "Compressor Room", "Pump House", "Electrical Room", "Shipping Dock", "Receiving", "Production Line 1", "Production Line 2", "Warehouse", "Office Wing", "Roof", "Parking Lot"];

export function seedLocations(store: Store, random: SeedRandom): Map<string, string[]> {
  const bySite = new Map<string, string[]>();
  for (const site of sites) {
    const operating: string[] = [];
    const prefix = { BEDFORD: "BR", NASHUA: "NA", TEXAS: "TX", LONDON: "LN" }[site.siteid] ?? "LC";
    const addLocation = (location: string, description: string, type: string, parent: string | null) => {
      store.insert("locations", {
        location, description, siteid: site.siteid, orgid: site.orgid, type, status: "OPERATING",
        statusdate: setupDate, glaccount: "6000-200-000", failurecode: null, classstructureid: null,
        disabled: false, isrepairfacility: false, parent, hasld: false, changeby: "MAXADMIN", changedate: setupDate,
      });
      store.insert("lochierarchy", { location, parent, systemid: "PRIMARY", siteid: site.siteid, orgid: site.orgid, children: false });
    };
    addLocation(site.top, site.description, "OPERATING", null);
    addLocation(site.storeroom, `${site.siteid} Central Storeroom`, "STOREROOM", site.top);
    const areaCount = site.siteid === "LONDON" ? 2 : areaNames.length;
    for (let a = 0; a < areaCount; a++) {
      const area = `${prefix}${(a + 1) * 100}`;
      addLocation(area, `${areaNames[a]} - ${site.siteid}`, "OPERATING", site.top);
      operating.push(area);
      const rooms = site.siteid === "LONDON" ? 0 : random.int(1, 3);
      for (let r = 1; r <= rooms; r++) {
        const room = `${prefix}${(a + 1) * 100 + r * 10}`;
        addLocation(room, `${areaNames[a]} Bay ${r} - ${site.siteid}`, "OPERATING", area);
        operating.push(room);
      }
    }
    bySite.set(site.siteid, operating);
  }
  // Parents have children: set the flag now that the hierarchy is known.
  const parents = new Set(store.rows("lochierarchy").map((row) => `${row.siteid}/${row.parent}`));
  for (const row of store.rows("lochierarchy")) {
    if (parents.has(`${row.siteid}/${row.location}`)) store.update("lochierarchy", row, { children: true });
  }
  return bySite;
}
