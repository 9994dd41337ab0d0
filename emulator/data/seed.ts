/**
 * Fills a fresh store with the emulator's demo data. Deterministic (a fixed PRNG seed and a
 * fixed base date), so two seeded stores are deep-equal and tests can name records.
 */
import type { Store } from "../store/store";
import { seedAssets } from "./seedAssets";
import { seedDomains } from "./seedDomains";
import { SeedRandom } from "./seedRandom";
import { seedLocations, seedOrganizations, seedPeople } from "./seedReference";
import { seedScripts } from "./seedScripts";
import { seedDoclinks, seedPurchaseOrders, seedServiceRequests } from "./seedTickets";
import { seedWorkOrders } from "./seedWork";

export { seedBaseTime } from "./seedRandom";

export interface SeedOptions {
  /** How many work orders (5,200 by default); the rest of the data does not change. */
  workOrders?: number;
}

export function seedStore(store: Store, options: SeedOptions = {}): void {
  const random = new SeedRandom(20240603);
  seedOrganizations(store);
  const { people, laborers } = seedPeople(store, random);
  const locationsBySite = seedLocations(store, random);
  const reference = { people, laborers, locationsBySite };
  seedAssets(store, random, locationsBySite);
  seedWorkOrders(store, random, reference, options.workOrders);
  seedServiceRequests(store, random, reference);
  seedPurchaseOrders(store, random);
  seedDoclinks(store, random);
  seedScripts(store);
  // Last, so the rowstamps of the rows seeded before domains existed stay as they were.
  seedDomains(store);
}
