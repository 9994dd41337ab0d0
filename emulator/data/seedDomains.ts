/**
 * MAXDOMAIN and its value rows, written from the metadata's domain definitions so that the
 * value lists a write validates against and the rows `getlist~attr`, MXAPIDOMAIN and
 * MXAPISYNONYMDOMAIN serve are one and the same.
 */
import type { AttributeDef, MaxType } from "../model/types";
import type { Store } from "../store/store";

/** The type and length of the first attribute bound to the domain: a domain matches its attributes. */
function boundType(store: Store, domainId: string, fallback: MaxType): { maxtype: MaxType; length: number; scale: number } {
  let bound: AttributeDef | undefined;
  for (const mbo of store.metadata.mbos.values()) {
    bound = mbo.attributes.find((a) => a.domainId === domainId);
    if (bound) break;
  }
  return bound ? { maxtype: bound.maxType, length: bound.length, scale: bound.scale ?? 0 } : { maxtype: fallback, length: 20, scale: 0 };
}

export function seedDomains(store: Store): void {
  const { synonymDomains, alnDomains, numericDomains } = store.metadata;
  const header = (domainId: string, description: string, domaintype: string, fallback: MaxType) => {
    store.insert("maxdomain", { domainid: domainId, description, domaintype, ...boundType(store, domainId, fallback), internal: domaintype === "SYNONYM" ? 1 : 0 });
  };
  for (const domain of synonymDomains.values()) {
    header(domain.domainId, domain.description, "SYNONYM", "UPPER");
    for (const v of domain.values) {
      store.insert("synonymdomain", {
        domainid: domain.domainId, maxvalue: v.maxvalue, value: v.value, description: v.description,
        defaults: v.defaults, valueid: `${domain.domainId}|${v.value}`, siteid: null, orgid: null,
      });
    }
  }
  for (const domain of alnDomains.values()) {
    header(domain.domainId, domain.description, "ALN", "ALN");
    for (const v of domain.values) {
      store.insert("alndomain", { domainid: domain.domainId, value: v.value, description: v.description, valueid: `${domain.domainId}|${v.value}`, siteid: null, orgid: null });
    }
  }
  for (const domain of numericDomains.values()) {
    header(domain.domainId, domain.description, "NUMERIC", "INTEGER");
    for (const v of domain.values) {
      store.insert("numericdomain", { domainid: domain.domainId, value: v.value, description: v.description, valueid: `${domain.domainId}|${v.value}`, siteid: null, orgid: null });
    }
  }
}
