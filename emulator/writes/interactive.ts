/**
 * Interactive requests (JSON API reference §28.1). Maximo business logic asks Yes/No questions;
 * a REST request is not interactive by default and the server takes the default answer. With
 * `interactive=1` the answer must come in the `yncuserinput` header (`key:value;key:value`,
 * 8 = YES, 16 = NO). The emulator models the reference's own example, FldWoAssetnum's
 * `woassetchange`: a new asset on a work order whose location differs from the asset's asks
 * whether the location should follow the asset (default YES).
 */
import { queryValue } from "../http/types";
import type { MemberTarget } from "../resources/targets";
import { headerValue, namedEntries, type JsonObject } from "./body";
import type { WriteContext } from "./context";
import { writeErrors } from "./errors";

const yes = 8;

/** The answers in a `yncuserinput` header: `woassetchange:8;other:16`. */
export function parseYncInput(header: string | undefined): Map<string, number> {
  const answers = new Map<string, number>();
  for (const part of (header ?? "").split(";")) {
    const [key, value] = part.split(":").map((s) => s.trim());
    if (key && value !== undefined && /^-?\d+$/.test(value)) answers.set(key.toLowerCase(), Number(value));
  }
  return answers;
}

/** Asks (or answers by default) the questions an update raises; may add values to `body`. */
export function checkInteractive(context: WriteContext, target: MemberTarget, body: JsonObject): void {
  if (target.mbo !== "workorder") return;
  const given = new Map(namedEntries(body, context.request.lean));
  const assetnum = given.get("assetnum");
  if (typeof assetnum !== "string" || given.has("location") || assetnum.toUpperCase() === target.row.assetnum) return;
  const asset = context.emulator.store.lookup("asset", ["assetnum", "siteid"], [assetnum.toUpperCase(), target.row.siteid ?? null])[0];
  if (!asset || !asset.location || asset.location === target.row.location) return;
  const interactive = queryValue(context.request, "interactive") === "1";
  const answer = parseYncInput(headerValue(context.request, "yncuserinput")).get("woassetchange");
  if (interactive && answer === undefined) {
    throw writeErrors.yncInputNeeded(
      "woassetchange",
      `The asset ${asset.assetnum} is at location ${String(asset.location)}, not at the work order's location ${String(target.row.location ?? "")}. Do you want to update the location to ${String(asset.location)}?`,
    );
  }
  // NO (16), CANCEL or NULL keep the work order's location.
  if (!interactive || answer === yes) body[context.request.lean ? "location" : "spi:location"] = asset.location;
}
