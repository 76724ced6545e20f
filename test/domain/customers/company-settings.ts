/** The smallest settings configure-company accepts, for tests of one setting added to them. */
export const MINIMAL_SETTINGS = {
  name: "Menuiserie Lefèvre",
  siren: "732829320",
  vatOnDebits: false,
  arrhesVatOnReceipt: true,
  approvalThreshold: "5000.00",
  paymentTerms: { kind: "days", days: 30 },
};
