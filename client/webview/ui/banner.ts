/** The banner over a Maximo error: reason code, message, the hint for the code, a link back to the request. */
import type { ResponseError } from "../protocol";
import { el } from "./dom";

export function errorBanner(error: ResponseError, goToRequest: (() => void) | undefined): HTMLElement {
  const banner = el("div", "error-banner");
  banner.setAttribute("role", "alert");
  const heading = el("div", "error-heading");
  if (error.reasonCode) heading.append(el("span", "reason-code", error.reasonCode));
  heading.append(el("span", "error-message", error.message || `HTTP ${error.statusCode}`));
  banner.append(heading);
  if (error.explanation) banner.append(el("div", "error-hint", error.explanation));
  if (goToRequest) {
    const link = el("a", "go-to-request", "Go to request");
    link.href = "#";
    link.addEventListener("click", (event) => {
      event.preventDefault();
      goToRequest();
    });
    banner.append(link);
  }
  return banner;
}
