/**
 * « Conseil client » (issue #16): while a deposit is typed in `Acomptes`, the
 * customer's class, the terms the company's policy recommends for it and the
 * warning when the order would take its exposure past a limit — before the
 * row is imported. Follows the row: asked again only when what is typed
 * changes (the selection poll reads the sheet, not the functions).
 */
import type { CustomerAdvice, CustomerStanding } from "../interfaces/api";
import type { SelectedRow } from "../interfaces/sidebar-context";
import { byId, el, facts } from "./dom";
import { formatDate, formatMoney } from "./format";
import { riskClassLabel } from "./labels";
import { callServer } from "./server";

export class AdvicePanel {
  private readonly box = byId("customer-advice");
  /** The query shown (or being asked), or why there is none: the same row typed the same way is not asked twice. */
  private shown: string | null = null;
  private seq = 0;

  async follow(selected: SelectedRow): Promise<void> {
    const query = selected.adviceQuery;
    // What the panel shows depends on the query, or else on why there is none.
    const shown = query ?? `${selected.depositId ?? ""}|${selected.adviceProblem ?? ""}`;
    if (shown === this.shown) return;
    this.shown = shown;
    const seq = ++this.seq;
    if (!query) {
      // A recorded row, or nothing of a deposit selected: no advice to give.
      this.box.hidden = !selected.adviceProblem || selected.depositId !== null;
      this.box.replaceChildren(heading(), el("p", { class: "muted" }, selected.adviceProblem ?? ""));
      return;
    }
    this.box.hidden = false;
    this.box.setAttribute("aria-busy", "true");
    const answer = await callServer("getCustomerAdvice", query);
    if (seq !== this.seq) return;
    this.box.setAttribute("aria-busy", "false");
    if (!answer.ok) {
      // Asked again at the next change: a passing failure is not kept as the answer.
      if (answer.error.retryable) this.shown = null;
      this.box.replaceChildren(heading(), el("p", { class: "field-error", role: "alert" }, answer.error.message));
      return;
    }
    this.box.replaceChildren(...adviceView(answer.data));
  }
}

const heading = () => el("h2", {}, "Conseil client");

function adviceView(advice: CustomerAdvice): HTMLElement[] {
  const { recommendation } = advice;
  const parts: (HTMLElement | null)[] = [
    heading(),
    facts([
      ["Client", advice.customerName ?? "Nouveau client (pas encore de fiche)"],
      ["Classe de risque", advice.riskClass ? riskClassLabel(advice.riskClass) : "Pas encore de profil"],
      ["Profil du", advice.profileAsOf ? formatDate(advice.profileAsOf) : null],
      ["Encours", advice.exposure ? formatMoney(advice.exposure) : null],
      ["Limite de crédit", advice.creditLimit ? formatMoney(advice.creditLimit) : null],
      ["Limite assurée", advice.insuredLimit ? formatMoney(advice.insuredLimit) : null],
    ]),
    el(
      "p",
      { class: "advice-terms", "data-class": recommendation.riskClass },
      advice.riskClass ? recommendation.message : advice.message,
    ),
    advice.warning ? el("p", { class: "advice-warning", role: "alert" }, advice.warning) : null,
    advice.reasons.length
      ? el(
          "details",
          {},
          el("summary", {}, "Raisons de la classe"),
          el("ul", {}, ...advice.reasons.map((r) => el("li", {}, r))),
        )
      : null,
  ];
  return parts.filter((n): n is HTMLElement => n !== null);
}

/**
 * The approvers' card: the customer's class, exposure and limits from its
 * stored profile, so a refund to a customer that owes a lot is seen as such.
 */
export function standingView(standing: CustomerStanding | null | undefined): HTMLElement | null {
  if (!standing) return null;
  const limit = (amount: string | null, passed: boolean) =>
    amount ? `${formatMoney(amount)}${passed ? " — dépassée" : ""}` : null;
  return el(
    "div",
    { class: "standing", "aria-label": "Client : classe et encours" },
    facts([
      ["Classe de risque", standing.riskClass ? riskClassLabel(standing.riskClass) : "Pas encore de profil"],
      [
        "Encours client",
        standing.exposure
          ? `${formatMoney(standing.exposure)}${standing.profileAsOf ? ` au ${formatDate(standing.profileAsOf)}` : ""}`
          : null,
      ],
      ["Limite de crédit", limit(standing.creditLimit, standing.overCreditLimit)],
      ["Limite assurée", limit(standing.insuredLimit, standing.overInsuredLimit)],
    ]),
  );
}
