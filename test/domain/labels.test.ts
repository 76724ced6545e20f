/**
 * One French label table (domain/vocabulary/labels.ts): every status,
 * reason and role has exactly one label; the sidebar, the sheets and the
 * messages show that label; and no other source file writes a label out,
 * so a second wording cannot come back.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import {
  CUSTOMER_KIND_LABELS,
  DEPOSIT_KIND_LABELS,
  DEPOSIT_STATUSES,
  DEPOSIT_STATUS_LABELS,
  INVOICE_TYPES,
  INVOICE_TYPE_LABELS,
  PAYMENT_MEANS,
  PAYMENT_MEANS_LABELS,
  REFUND_EVENT_LABELS,
  REFUND_REASONS,
  REFUND_REASON_LABELS,
  REFUND_STATUSES,
  REFUND_STATUS_LABELS,
  ROLES,
  ROLE_LABELS,
  SUPPLY_KIND_LABELS,
  inSentence,
  requireAwaitingApproval,
  type RefundReason,
  type RefundStatus,
} from "../../functions/src/domain";
import { eventLabel, reasonLabel, roleLabel, statusLabel } from "../../apps-script/src/frontend/labels";
import { describePayment } from "../../apps-script/src/backend/markInstalmentPaid";
import { REMBOURSEMENTS } from "../../functions/src/sheets/layout/workbook-spec";
import { refundRow } from "../../functions/src/sheets/sync/row-mappers";
import { withRole, type Access } from "../../functions/src/workflow/access";
import type { RefundDoc } from "../../functions/src/model/refund";
import type { Refund } from "../../apps-script/src/interfaces/api";

const ROOT = join(__dirname, "../..");
const TABLE = "functions/src/domain/vocabulary/labels.ts";

const ENUMS: [string, readonly string[], Record<string, string>][] = [
  ["refund status", REFUND_STATUSES, REFUND_STATUS_LABELS],
  ["refund reason", REFUND_REASONS, REFUND_REASON_LABELS],
  ["role", ROLES, ROLE_LABELS],
  ["deposit status", DEPOSIT_STATUSES, DEPOSIT_STATUS_LABELS],
  ["payment means", PAYMENT_MEANS, PAYMENT_MEANS_LABELS],
  ["invoice type", INVOICE_TYPES, INVOICE_TYPE_LABELS],
  ["customer kind", ["b2b", "b2c"], CUSTOMER_KIND_LABELS],
  ["deposit kind", ["acompte", "arrhes"], DEPOSIT_KIND_LABELS],
  ["supply kind", ["goods", "services"], SUPPLY_KIND_LABELS],
];

describe("the label table", () => {
  it.each(ENUMS)("every %s has exactly one non-empty French label, unique in its list", (_, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(labels[code]).toMatch(/^[A-ZÀ-Ý][^\s].*\S$|^[A-ZÀ-Ý]\S*$/);
      expect(labels[code]).not.toContain("_");
    }
    expect(new Set(codes.map((c) => labels[c])).size).toBe(codes.length);
  });

  it("settles the old disagreements in favour of the table", () => {
    expect(REFUND_STATUS_LABELS.rejected).toBe("Refusée");
    expect(REFUND_REASON_LABELS.non_delivery).toBe("Défaut de livraison");
  });
});

describe("the sidebar uses the table", () => {
  it("statuses, reasons and events read as the table says; roles as inside a sentence", () => {
    for (const s of REFUND_STATUSES) expect(statusLabel(s)).toBe(REFUND_STATUS_LABELS[s]);
    for (const r of REFUND_REASONS) expect(reasonLabel(r)).toBe(REFUND_REASON_LABELS[r]);
    for (const r of ROLES) expect(roleLabel(r)).toBe(inSentence(ROLE_LABELS[r]));
    for (const [type, label] of Object.entries(REFUND_EVENT_LABELS)) expect(eventLabel(type)).toBe(label);
  });

  it("its messages too (an instalment paid, the request refunded)", () => {
    const refund = { id: "R1", status: "refunded", schedule: [] } as unknown as Refund;
    expect(describePayment(refund, 1, null)).toContain(`la demande est ${inSentence(REFUND_STATUS_LABELS.refunded)}.`);
  });
});

describe("the sheets use the table", () => {
  const doc = (status: RefundStatus, reason: RefundReason): RefundDoc =>
    ({
      proposal: { reason },
      depositId: "D1",
      status,
      grossAmount: "100.00",
      quote: { total: "100.00" },
      customerName: "Client",
      requestedBy: "rachel@acme.fr",
      requestedOn: "2026-03-01",
      createdAt: { toMillis: () => 0 },
      awaiting: ["sales_approver", "accounting_approver"],
      approvals: [{ role: "accounting_approver", by: "alice@acme.fr" }],
      rejection: status === "rejected" ? { by: "alice@acme.fr", reason: "Doublon" } : undefined,
      creditNoteNumber: null,
      approvedOn: null,
      paidOn: null,
    }) as unknown as RefundDoc;
  const cells = (status: RefundStatus, reason: RefundReason) =>
    refundRow("R1", doc(status, reason)).cells.map((c) => c?.v);

  it("Remboursements shows each status, reason and role by its label, and colours every status", () => {
    for (const s of REFUND_STATUSES) expect(cells(s, "overpayment")).toContain(REFUND_STATUS_LABELS[s]);
    for (const r of REFUND_REASONS) expect(cells("submitted", r)).toContain(REFUND_REASON_LABELS[r]);
    const row = cells("rejected", "overpayment");
    expect(row).toContain(`${ROLE_LABELS.sales_approver}, ${ROLE_LABELS.accounting_approver}`);
    expect(row).toContain(`${ROLE_LABELS.accounting_approver} : alice@acme.fr`);
    expect(row).toContain(`${REFUND_STATUS_LABELS.rejected} par alice@acme.fr : Doublon`);
    expect(REMBOURSEMENTS.statusColours?.map((c) => c.label).sort()).toEqual(
      Object.values(REFUND_STATUS_LABELS).sort(),
    );
  });
});

describe("the messages use the table", () => {
  it("a refused step names the status as the table does, inside the sentence", () => {
    for (const s of REFUND_STATUSES.filter((s) => !["submitted", "sales_approved", "accounting_approved"].includes(s)))
      expect(() => requireAwaitingApproval({ status: s }, "approuver la demande")).toThrow(
        `Impossible d'approuver la demande : la demande est déjà ${inSentence(REFUND_STATUS_LABELS[s])}.`,
      );
  });

  it("a missing role is named as the table does", () => {
    const access = { email: "rachel@acme.fr", roles: ["requester"] } as unknown as Access;
    expect(() => withRole(access, ["accounting_approver", "admin"])).toThrow(
      `(il faut : ${inSentence(ROLE_LABELS.accounting_approver)} ou ${inSentence(ROLE_LABELS.admin)})`,
    );
  });
});

/** Every TypeScript/HTML source a person's words can come from, but the table itself. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|html)$/.test(name) && path !== TABLE ? [path] : [];
  });
}

describe("no copy of a label", () => {
  // Invoice types and kinds are left out: « Acompte », « Facture d'acompte » are also column headers.
  const labels = [
    ...new Set(
      [
        REFUND_STATUS_LABELS,
        REFUND_REASON_LABELS,
        ROLE_LABELS,
        REFUND_EVENT_LABELS,
        DEPOSIT_STATUS_LABELS,
        PAYMENT_MEANS_LABELS,
      ].flatMap((table) => Object.values(table) as string[]),
    ),
  ];
  const files = ["functions/src", "functions/dev", "apps-script/src"].flatMap(sources);

  it("no source file but the table writes a label as a string of its own", () => {
    const copies = files.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), "utf8");
      return labels
        .filter((label) => ['"', "'", "`"].some((q) => text.includes(`${q}${label}${q}`)))
        .map((label) => `${relative(ROOT, join(ROOT, file))}: « ${label} »`);
    });
    expect(copies).toEqual([]);
  });

  it("the wordings the table replaced appear nowhere", () => {
    const old = [
      "Rejetée",
      "Non-livraison",
      "Validée (commercial)",
      "Validée (comptabilité)",
      "En attente d'approbation",
    ];
    const found = files.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), "utf8");
      return old.filter((o) => text.includes(o)).map((o) => `${file}: « ${o} »`);
    });
    expect(found).toEqual([]);
  });
});
