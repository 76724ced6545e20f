import type { Me } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import type { SidebarContext } from "../interfaces/sidebar-context";
import { callApi } from "./api-client";
import { readConfig } from "./config";
import { getSelectedDeposit } from "./selected-deposit";

/** Everything the sidebar needs when it opens: who the user is and what they selected. */
export function getSidebarContext(): CallResult<SidebarContext> {
  const me = callApi<Me>({ method: "get", path: "/me" });
  if (!me.ok) return me;
  const selection = getSelectedDeposit();
  if (!selection.ok) return selection;
  return { ok: true, data: { me: me.data, companyId: readConfig().companyId, selection: selection.data } };
}
