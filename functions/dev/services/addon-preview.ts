/**
 * The add-on preview as an `npm start` service (functions/dev/start.ts): the
 * sidebar, acting as any user of a demo company, beside the company's
 * spreadsheet on the local Sheets server. It needs the api (ctx.apiUrl) and,
 * for the spreadsheet, the Sheets service's `sheetsUrl` and the company's
 * bound spreadsheet in `spreadsheetIds`.
 */
import { inSentence, ROLE_LABELS } from "../../src/domain";
import { MENUISERIE, type DemoCompany } from "../demo-data/companies";
import { mintLocalToken } from "../../testing/local-tokens";
import type { Service } from "../start";
import { startAddonPreview, type PreviewActor } from "../../testing/addon-preview/index";

export function demoActors(company: DemoCompany): PreviewActor[] {
  return Object.entries(company.users).map(([email, roles]) => ({
    key: email.split("@")[0],
    label: roles.map((r) => inSentence(ROLE_LABELS[r])).join(", "),
    email,
  }));
}

export function addonPreviewService(company: DemoCompany = MENUISERIE): Service {
  return {
    name: "add-on preview",
    async start(ctx) {
      if (!ctx.apiUrl) throw new Error("the add-on preview needs the api function");
      const spreadsheetId = ctx.spreadsheetIds?.[company.id];
      const preview = await startAddonPreview({
        apiUrl: ctx.apiUrl,
        companyId: company.id,
        actors: demoActors(company),
        mintToken: (email) => mintLocalToken(email),
        spreadsheetId: spreadsheetId ?? "no-spreadsheet",
        ...(spreadsheetId && ctx.sheetsUrl
          ? { sheetsApiUrl: ctx.sheetsUrl, sheetsViewUrl: `${ctx.sheetsUrl}/view/${spreadsheetId}` }
          : { readSheet: async () => [] }),
        port: Number(process.env.ACOMPTE_ADDON_PREVIEW_PORT ?? 0),
      });
      return {
        lines: [
          `add-on preview       ${preview.url}  (sidebar of ${company.settings.name}; pick the user, the sheet and its row at the top)`,
          ...(spreadsheetId
            ? []
            : ["                     no spreadsheet bound to this company: the sheet view and row picker stay empty"]),
        ],
        open: [`${preview.url}  ← the sidebar: request, approve and follow a refund, with the spreadsheet beside it`],
        stop: () => preview.stop(),
      };
    },
  };
}
