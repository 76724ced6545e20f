/**
 * Demo data, loaded through the api itself (so every document, number,
 * entry and event is exactly what the product writes): customers B2B and
 * B2C, deposits of both kinds under both VAT regimes, and requests in every
 * status.
 */
import type { Firestore } from "@google-cloud/firestore";
import { formatMoney, money } from "../../src/domain";
import type { ApiClient } from "./api-client";
import { DEMO_COMPANIES, MENUISERIE, STUDIO } from "./companies";
import { seedCompany } from "./seed-company";

const BELLEVUE = {
  name: "Hôtel Bellevue SARL",
  kind: "b2b",
  siren: "732829320",
  email: "compta@bellevue.test",
  address: "12 quai des Brumes\n69002 Lyon",
};
const BOULANGERIE = {
  name: "Boulangerie Martin",
  kind: "b2b",
  siren: "378901946",
  address: "4 rue du Four\n69003 Lyon",
};
const DUPONT = {
  name: "Claire Dupont",
  kind: "b2c",
  email: "claire.dupont@exemple.test",
  address: "8 allée des Tilleuls\n69100 Villeurbanne",
};
const MOREAU = {
  name: "Julien Moreau",
  kind: "b2c",
  email: "j.moreau@exemple.test",
  address: "27 avenue Jean Jaurès\n69007 Lyon",
};

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}
function inDays(n: number): string {
  return daysAgo(-n);
}

export interface DemoSummary {
  companies: string[];
  deposits: number;
  requests: Record<string, string>;
  /** Menuiserie's SEPA transfer file (transferFiles/{id}) of the approved request's instalments. */
  transferFileId: string;
  /** Menuiserie's final invoice left to pay: the demo statement pays it by its number. */
  openInvoice: { number: string; openAmount: string; customerName: string };
}

export async function loadDemoData(db: Firestore, api: ApiClient): Promise<DemoSummary> {
  for (const company of DEMO_COMPANIES) await seedCompany(db, company);
  const m = `/v1/companies/${MENUISERIE.id}`;
  const s = `/v1/companies/${STUDIO.id}`;
  const [rachel, sam, alice] = ["rachel@menuiserie.test", "sam@menuiserie.test", "alice@menuiserie.test"];
  const [lea, marc, ines] = ["lea@studio.test", "marc@studio.test", "ines@studio.test"];

  const deposit = (path: string, as: string, body: object) =>
    api.call(as, "POST", `${path}/deposits`, { paymentMeans: "virement", ...body });
  const goods = (orderRef: string, customer: object, net: string, extra: object = {}) => ({
    customer,
    orderRef,
    supplyKind: "goods",
    order: { lines: [{ vatRate: "20", net, label: "Menuiserie sur mesure" }] },
    deposit: { percent: "30" },
    cashedDate: daysAgo(40),
    ...extra,
  });

  const d1 = await deposit(m, alice, goods("CMD-2026-017", BELLEVUE, "12000.00", { kind: "acompte" }));
  const d2 = await deposit(
    m,
    alice,
    goods("CMD-2026-018", BOULANGERIE, "3000.00", {
      kind: "acompte",
      order: {
        lines: [
          { vatRate: "20", net: "2500.00" },
          { vatRate: "10", net: "500.00", label: "Pose" },
        ],
      },
    }),
  );
  const d3 = await deposit(m, alice, goods("CMD-2026-019", DUPONT, "1800.00"));
  const d4 = await deposit(m, alice, goods("CMD-2026-020", MOREAU, "2400.00", { kind: "arrhes" }));
  const d5 = await deposit(m, alice, goods("CMD-2026-021", BELLEVUE, "20000.00", { kind: "acompte" }));
  const d6 = await deposit(m, alice, goods("CMD-2026-022", BOULANGERIE, "4000.00", { kind: "acompte" }));
  const d7 = await deposit(m, alice, goods("CMD-2026-023", BELLEVUE, "15000.00", { kind: "acompte" }));
  const d8 = await deposit(m, alice, goods("CMD-2026-024", DUPONT, "1000.00", { kind: "acompte" }));
  const services = (orderRef: string, customer: object, net: string, kind: string) => ({
    customer,
    orderRef,
    kind,
    supplyKind: "services",
    order: { lines: [{ vatRate: "20", net, label: "Reportage photo" }] },
    deposit: { percent: "40" },
    cashedDate: daysAgo(20),
  });
  const s1 = await deposit(s, ines, services("STU-101", BELLEVUE, "3000.00", "acompte"));
  const s2 = await deposit(s, ines, services("STU-102", DUPONT, "1500.00", "arrhes"));

  const full = (depositId: string, reason: string, schedule: object = { kind: "single", date: inDays(7) }) => ({
    depositId,
    scope: { kind: "full" },
    reason,
    schedule,
  });
  const request = (path: string, as: string, body: object, comment: string) =>
    api.call(as, "POST", `${path}/refunds`, { ...body, comment });
  const act = (path: string, as: string, id: string, action: string, body: object = {}) =>
    api.call(as, "POST", `${path}/refunds/${id}/${action}`, body);

  const submitted = await request(
    m,
    rachel,
    full(d1.id, "seller_cancels", { kind: "equal", count: 3, firstDate: inDays(10), intervalMonths: 1 }),
    "Chantier annulé par nos soins (rupture fournisseur).",
  );
  const salesApproved = await request(
    m,
    rachel,
    full(d5.id, "non_delivery"),
    "Livraison impossible avant la date contractuelle.",
  );
  await act(m, sam, salesApproved.id, "approve");
  const accountingApproved = await request(
    m,
    rachel,
    full(d7.id, "seller_cancels"),
    "Annulation de la commande par l'atelier.",
  );
  await act(m, alice, accountingApproved.id, "approve");
  const approved = await request(
    m,
    rachel,
    {
      depositId: d2.id,
      scope: { kind: "amount", amount: "300.00" },
      reason: "commercial_gesture",
      schedule: { kind: "equal", count: 2, firstDate: inDays(5), intervalMonths: 1 },
      // Paid by transfer: its instalments go in the demo's SEPA file.
      iban: "FR14 2004 1010 0505 0001 3M02 606",
    },
    "Geste commercial après retard de pose.",
  );
  await act(m, alice, approved.id, "approve");
  // « Préparer les virements » for both instalments: they show « Virement émis », the file is the demo transfer file.
  const transferFile = await api.call(alice, "POST", `${m}/bank/transfers`, {
    executionDate: daysAgo(0),
    upTo: inDays(40),
  });
  const refunded = await request(m, rachel, full(d8.id, "seller_cancels"), "Modèle abandonné par le fabricant.");
  await act(m, alice, refunded.id, "approve");
  await act(m, alice, refunded.id, "instalments/1/pay");
  const rejected = await request(m, rachel, full(d6.id, "customer_cancels"), "Le client souhaite annuler.");
  await act(m, sam, rejected.id, "reject", {
    reason: "Acompte ferme : le contrat ne prévoit pas de remboursement en cas d'annulation par le client.",
  });
  const cancelled = await request(m, rachel, full(d3.id, "consumer_withdrawal"), "Saisie par erreur.");
  await act(m, rachel, cancelled.id, "cancel");
  const arrhesDoubled = await request(
    m,
    rachel,
    { ...full(d4.id, "seller_cancels"), terminationDate: daysAgo(2) },
    "Arrhes : le vendeur se désiste, restitution au double.",
  );

  // A delivered order: final invoice deducting its deposit, paid with 50 € too much (an unapplied credit, refund requested).
  const d9 = await deposit(m, alice, goods("CMD-2026-025", BOULANGERIE, "6000.00", { kind: "acompte" }));
  const invoice = await api.call(alice, "POST", `${m}/invoices/final`, {
    orderRef: "CMD-2026-025",
    supplyKind: "goods",
    lines: [{ vatRate: "20", net: "6000.00" }],
  });
  const payment = await api.call(alice, "POST", `${m}/payments`, {
    customer: BOULANGERIE,
    // Paid the day it is invoiced: a payment cannot precede its invoice.
    date: daysAgo(0),
    amount: formatMoney(money(invoice.openAmount).plus(50)),
    means: "virement",
    invoiceIds: [invoice.id],
  });
  const creditRefund = await request(
    m,
    rachel,
    {
      customerCreditId: payment.customerCreditId,
      scope: { kind: "full" },
      reason: "overpayment",
      schedule: { kind: "single", date: inDays(3) },
    },
    "Trop-perçu sur la facture de solde.",
  );
  void d9;
  // Delivered, invoiced today, not paid yet: the demo statement pays it by its number.
  const unpaid = await api.call(alice, "POST", `${m}/invoices/final`, {
    orderRef: "CMD-2026-022",
    supplyKind: "goods",
    lines: [{ vatRate: "20", net: "4000.00" }],
  });

  const studioRequest = await request(s, lea, full(s1.id, "non_delivery"), "Prestation non réalisée (intempéries).");
  await act(s, ines, studioRequest.id, "approve");
  const studioArrhes = await request(
    s,
    lea,
    { ...full(s2.id, "seller_cancels"), terminationDate: daysAgo(1) },
    "Séance annulée par le studio.",
  );
  void marc;

  return {
    companies: DEMO_COMPANIES.map((c) => c.id),
    deposits: 11,
    requests: {
      submitted: submitted.id,
      sales_approved: salesApproved.id,
      accounting_approved: accountingApproved.id,
      approved: approved.id,
      refunded: refunded.id,
      rejected: rejected.id,
      cancelled: cancelled.id,
      arrhes_doubled: arrhesDoubled.id,
      credit_refund: creditRefund.id,
      studio_approved: studioRequest.id,
      studio_arrhes: studioArrhes.id,
    },
    transferFileId: transferFile.id,
    openInvoice: { number: unpaid.number, openAmount: unpaid.openAmount, customerName: BOULANGERIE.name },
  };
}
