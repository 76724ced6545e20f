import {
  approve,
  cancel,
  LifecycleRefusal,
  mayApprove,
  payInstalment,
  pendingApprovers,
  reject,
  request,
  requiredApprovals,
  type Actor,
  type RefundState,
} from "../../functions/src/domain/refunds/refund-lifecycle";
import { REFUND_STATUSES, type RefundStatus } from "../../functions/src/domain/refunds/refund-status";
import { EngineValidationError } from "../../functions/src/domain";
import { toApiError } from "../../functions/src/errors/to-api-error";

const requester: Actor = { email: "rachel@acme.fr", roles: ["requester"] };
const sales: Actor = { email: "sam@acme.fr", roles: ["sales_approver"] };
const accounting: Actor = { email: "alice@acme.fr", roles: ["accounting_approver"] };
const both: Actor = { email: "chef@acme.fr", roles: ["sales_approver", "accounting_approver", "admin"] };
const admin: Actor = { email: "adam@acme.fr", roles: ["admin"] };

const submitted = (awaiting: RefundState["awaiting"] = ["sales_approver", "accounting_approver"]): RefundState => ({
  status: "submitted",
  requestedBy: requester.email,
  awaiting,
  approvals: [],
});

/** The refusal a step throws: its kind, code and French message. */
function refusal(step: () => unknown): LifecycleRefusal {
  try {
    step();
  } catch (error) {
    if (error instanceof LifecycleRefusal) return error;
    throw error;
  }
  throw new Error("the step was not refused");
}

describe("who must approve", () => {
  it("one accounting approval below the threshold, sales and accounting at or above it", () => {
    expect(requiredApprovals("4999.99", "0.00", "5000.00")).toEqual(["accounting_approver"]);
    expect(requiredApprovals("5000.00", "0.00", "5000.00")).toEqual(["sales_approver", "accounting_approver"]);
  });
  it("compares the larger of the credit note and what is owed (arrhes doubled count double)", () => {
    expect(requiredApprovals("3000.00", "6000.00", "5000.00")).toEqual(["sales_approver", "accounting_approver"]);
  });
});

describe("approve", () => {
  it("takes two different people in either order, then issues", () => {
    const first = approve(submitted(), accounting, false);
    expect(first).toEqual({
      role: "accounting_approver",
      awaiting: ["sales_approver"],
      final: false,
      status: "accounting_approved",
      event: "refund.approved_step",
    });
    const afterFirst: RefundState = {
      ...submitted(),
      status: first.status,
      awaiting: first.awaiting,
      approvals: [{ role: first.role, by: accounting.email }],
    };
    expect(approve(afterFirst, sales, false)).toEqual({
      role: "sales_approver",
      awaiting: [],
      final: true,
      status: "approved",
      event: "refund.approved",
    });
    // Nothing to pay out (all offset, kept as credit, arrhes forfeited): settled at once.
    expect(approve(afterFirst, sales, true).status).toBe("refunded");
  });

  it("a person holding both roles gives one approval only", () => {
    const first = approve(submitted(), both, false);
    expect(first.final).toBe(false);
    const after: RefundState = {
      ...submitted(),
      status: first.status,
      awaiting: first.awaiting,
      approvals: [{ role: first.role, by: both.email }],
    };
    const again = refusal(() => approve(after, both, false));
    expect([again.kind, again.code]).toEqual(["conflict", "ALREADY_APPROVED"]);
    expect(again.message).toContain("déjà approuvé");
  });

  it("refuses the requester, even holding an approver role", () => {
    const self = refusal(() =>
      approve(submitted(), { ...requester, roles: ["requester", "accounting_approver"] }, false),
    );
    expect([self.kind, self.code]).toEqual(["forbidden", "FORBIDDEN"]);
    expect(self.message).toMatch(/propre demande/);
  });

  it("refuses a role that is not awaited, naming the awaited ones in French", () => {
    const wrong = refusal(() => approve(submitted(["accounting_approver"]), sales, false));
    expect(wrong.kind).toBe("forbidden");
    expect(wrong.message).toBe("Cette demande attend l'approbation : approbateur comptable ; vous n'avez pas ce rôle.");
  });

  it.each(["approved", "rejected", "cancelled", "refunded"] as RefundStatus[])(
    "refuses a request that is %s, with its label",
    (status) => {
      const closed = refusal(() => approve({ ...submitted(), status, awaiting: [] }, accounting, false));
      expect([closed.kind, closed.code]).toEqual(["conflict", "INVALID_STATE"]);
      expect(closed.message).toMatch(/^Impossible d'approuver la demande : la demande est déjà [a-zé]/);
    },
  );
});

describe("the approvers' list asks the same rules", () => {
  it("lists the members who may approve now, never the requester nor who already approved", () => {
    const members = [
      requester,
      sales,
      accounting,
      both,
      admin,
      { ...requester, email: "r2@acme.fr", roles: ["requester", "accounting_approver"] as Actor["roles"] },
    ];
    expect(pendingApprovers(submitted(), members)).toEqual([
      "alice@acme.fr",
      "chef@acme.fr",
      "r2@acme.fr",
      "sam@acme.fr",
    ]);
    const afterAlice: RefundState = {
      ...submitted(),
      status: "accounting_approved",
      awaiting: ["sales_approver"],
      approvals: [{ role: "accounting_approver", by: accounting.email }],
    };
    expect(pendingApprovers(afterAlice, members)).toEqual(["chef@acme.fr", "sam@acme.fr"]);
    expect(mayApprove({ ...afterAlice, status: "rejected", awaiting: [] }, sales)).toBe(false);
  });
});

describe("reject and cancel", () => {
  it("an approver rejects; the requester cannot (they cancel)", () => {
    expect(reject(submitted(), sales)).toEqual({ status: "rejected", event: "refund.rejected" });
    expect(refusal(() => reject(submitted(), requester)).message).toBe(
      "Vous ne pouvez pas refuser votre propre demande : annulez-la.",
    );
  });
  it("the requester or an admin cancels; nobody else", () => {
    expect(cancel(submitted(), requester).status).toBe("cancelled");
    expect(cancel(submitted(), admin).status).toBe("cancelled");
    expect(refusal(() => cancel(submitted(), accounting)).kind).toBe("forbidden");
  });
  it("neither once the request is decided", () => {
    const approved = { ...submitted(), status: "approved" as const, awaiting: [] };
    expect(refusal(() => reject(approved, sales)).message).toBe(
      "Impossible de refuser la demande : la demande est déjà approuvée.",
    );
    expect(refusal(() => cancel(approved, requester)).code).toBe("INVALID_STATE");
  });
});

describe("pay an instalment", () => {
  const approved = { status: "approved" as const };
  const three = [
    { number: 1, paid: true, paidOn: "2026-03-15" },
    { number: 2, paid: false, paidOn: null },
    { number: 3, paid: false, paidOn: null },
  ];
  const dates = { paidOn: "2026-04-15", today: "2026-04-20", approvedOn: "2026-03-10" };

  it("the last unpaid one makes the request refunded", () => {
    expect(payInstalment(approved, three, 2, dates)).toEqual({ status: "approved", event: "instalment.paid" });
    const lastLeft = three.map((i) => (i.number === 2 ? { ...i, paid: true } : i));
    expect(payInstalment(approved, lastLeft, 3, dates).status).toBe("refunded");
  });
  it("never twice, never on a request not approved, never an unknown instalment", () => {
    expect(refusal(() => payInstalment(approved, three, 1, dates)).message).toBe(
      "L'échéance 1 est déjà payée (le 15/03/2026).",
    );
    expect(refusal(() => payInstalment({ status: "submitted" }, three, 2, dates)).code).toBe("INVALID_STATE");
    expect(refusal(() => payInstalment(approved, three, 9, dates)).code).toBe("NOT_FOUND");
  });
  it("refuses a date in the future or before the approval, naming the field by its label", () => {
    const future = () => payInstalment(approved, three, 2, { ...dates, paidOn: "2026-04-21" });
    expect(future).toThrow(EngineValidationError);
    expect(future).toThrow("Date de paiement : la date est dans le futur.");
    expect(() => payInstalment(approved, three, 2, { ...dates, paidOn: "2026-03-09" })).toThrow(
      "au plus tôt le 10/03/2026",
    );
  });
});

describe("every status is reachable and every one has a rule", () => {
  it("the statuses are the lifecycle's", () => {
    expect([...REFUND_STATUSES].sort()).toEqual(
      ["accounting_approved", "approved", "cancelled", "refunded", "rejected", "sales_approved", "submitted"].sort(),
    );
  });
});

describe("request", () => {
  it("starts submitted, waiting for the approvals the threshold asks, with its event", () => {
    expect(request({ creditNoteGross: "6000.00", owed: "6000.00" }, "5000.00")).toEqual({
      status: "submitted",
      awaiting: ["sales_approver", "accounting_approver"],
      event: "refund.requested",
    });
    expect(request({ creditNoteGross: "100.00", owed: "100.00" }, "5000.00").awaiting).toEqual(["accounting_approver"]);
  });
});

describe("refusals become HTTP answers", () => {
  it("forbidden → 403, conflict → 409, unknown instalment → 404, with the French message", () => {
    const asApi = (step: () => unknown) => {
      const error = toApiError(refusal(step));
      return [error?.status, error?.code, error?.message];
    };
    expect(asApi(() => approve(submitted(), requester, false))).toEqual([
      403,
      "FORBIDDEN",
      "Vous ne pouvez pas approuver votre propre demande : un autre approbateur doit le faire.",
    ]);
    expect(asApi(() => cancel({ ...submitted(), status: "rejected", awaiting: [] }, requester))).toEqual([
      409,
      "INVALID_STATE",
      "Impossible d'annuler la demande : la demande est déjà refusée.",
    ]);
    expect(
      asApi(() =>
        payInstalment({ status: "approved" }, [], 4, { paidOn: "2026-01-01", today: "2026-01-02", approvedOn: null }),
      ),
    ).toEqual([404, "NOT_FOUND", "Échéance 4 introuvable pour cette demande."]);
  });
});
