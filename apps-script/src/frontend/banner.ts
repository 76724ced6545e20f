import type { UserError } from "../interfaces/result";
import { byId, el } from "./dom";

/** The message line under the tabs: errors (role=alert) and confirmations. */
export function showError(error: UserError): void {
  const banner = byId("banner");
  banner.className = "banner error";
  banner.replaceChildren(el("span", {}, error.message));
  if (error.details?.length) {
    banner.append(el("ul", {}, ...error.details.map((d) => el("li", {}, d.message))));
  }
  banner.hidden = false;
}

export function showSuccess(message: string): void {
  const banner = byId("banner");
  banner.className = "banner success";
  banner.replaceChildren(el("span", {}, message));
  banner.hidden = false;
}

export function clearBanner(): void {
  const banner = byId("banner");
  banner.hidden = true;
  banner.replaceChildren();
}
