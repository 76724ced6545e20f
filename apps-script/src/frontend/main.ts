/** Sidebar entry: loads who the user is and what they selected, then wires the tabs. */
import { AdvicePanel } from "./advice-panel";
import { ApprovalsTab } from "./approvals-tab";
import { BankTab } from "./bank-tab";
import { showError } from "./banner";
import { byId } from "./dom";
import { FollowTab } from "./follow-tab";
import { InvoiceTab } from "./invoice-tab";
import { roleLabel } from "./labels";
import { RequestTab } from "./request-tab";
import { callServer } from "./server";
import { setupTabs } from "./tabs";

async function start(): Promise<void> {
  const follow = new FollowTab();
  const advice = new AdvicePanel();
  const invoice = new InvoiceTab();
  let selectTab: ReturnType<typeof setupTabs> = () => undefined;
  const request = new RequestTab(
    (refundId) => {
      selectTab("follow");
      void follow.show(refundId);
    },
    (selection) => follow.listDepositRefunds(selection.deposit?.refunds),
    (row) => {
      void advice.follow(row);
      void invoice.follow(row.invoice);
    },
  );
  const approvals = new ApprovalsTab((refundId) => void follow.show(refundId));
  const bank = new BankTab();
  let approvalsLoaded = false;
  selectTab = setupTabs((name) => {
    if (name === "follow") follow.showList();
    if (name === "bank") void bank.load();
    if (name === "approvals" && !approvalsLoaded) {
      approvalsLoaded = true;
      void approvals.load();
    }
  });

  const context = await callServer("getSidebarContext");
  const who = byId("who");
  if (!context.ok) {
    who.textContent = "Acompte";
    showError(context.error);
    return;
  }
  const { me, companyId, selection } = context.data;
  // The company as people call it; its id only when no name is set.
  who.textContent = `${me.email} · ${me.companyName ?? companyId}${me.roles.length ? ` · ${me.roles.map(roleLabel).join(", ")}` : ""}`;
  follow.setMe(me);
  request.showSelection(selection);
  // The poll follows the row from then on; the first reading without waiting for it.
  // The bank and claim routes answer accounting approvers and admins only: those tabs are theirs.
  const accounting = me.roles.some((r) => r === "accounting_approver" || r === "admin");
  byId("tab-bank").hidden = !accounting;
  byId("tab-invoice").hidden = !accounting;
  invoice.permit(accounting);
  void callServer("getSelectedRow").then((row) =>
    row.ok ? Promise.all([advice.follow(row.data), invoice.follow(row.data.invoice)]) : undefined,
  );
  const approver = me.roles.some((r) => r === "sales_approver" || r === "accounting_approver");
  if (approver) {
    approvalsLoaded = true;
    void approvals.load();
  }
}

void start();
