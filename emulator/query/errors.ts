/**
 * The errors a real server gives for bad query parameters. BMXAA8744E (syntax) is the one
 * public threads quote verbatim; the others are plausible codes, listed as uncertain in the
 * README of this folder.
 */
import { MaximoError } from "../http/errors";

const syntaxText =
  "The OSLC query was not parsed. Ensure that the query in the HTTP request follows the correct syntax of the OSLC query specification.";

/** A clause the server's OSLC query grammar rejects (`or`, parentheses, `like`, unsigned sort...). */
export function syntaxError(parameter: string, reason: string): MaximoError {
  return new MaximoError(400, "BMXAA8744E", `${syntaxText}\n\t${parameter}: ${reason}`);
}

/** A name in oslc.where / oslc.orderBy that is not a (persistent) attribute or relationship. Uncertain code. */
export function unknownAttribute(parameter: string, name: string, mbo: string): MaximoError {
  return new MaximoError(
    400,
    "BMXAA8727E",
    `The attribute ${name.toUpperCase()} in ${parameter} is not a valid persistent attribute or relationship of the ${mbo.toUpperCase()} object.`,
  );
}

/** A value that cannot be read as the attribute's type (a word for a number, a bad date). Uncertain code. */
export function badValue(name: string, value: string, type: string): MaximoError {
  return new MaximoError(400, "BMXAA8732E", `The value ${value} for the attribute ${name.toUpperCase()} cannot be converted to the ${type} data type.`);
}

/** oslc.pageSize above mxe.oslc.maxpagesize (reference §8.2). Uncertain code. */
export function pageSizeTooLarge(size: number, max: number): MaximoError {
  return new MaximoError(400, "BMXAA8741E", `The page size ${size} exceeds the maximum page size ${max} that is set by the mxe.oslc.maxpagesize property.`);
}

/** A stable-paging set that expired, was paged to the end, or is asked for a page twice (reference §8.3). Uncertain code. */
export function stableSetExpired(stableId: string): MaximoError {
  return new MaximoError(
    400,
    "BMXAA8749E",
    `The stable page set ${stableId} has expired or the requested page was already delivered. Stable paging only moves forward; start the query again.`,
  );
}
