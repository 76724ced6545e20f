/**
 * The bundled server code (dist/Code.js) run in Node against the Apps Script
 * stand-ins: menu, sidebar, requests to the functions, error mapping.
 */
import { API_URL, COMPANY, fakeIdToken, harness, json, on, spreadsheet, type Route } from "./addon-harness";

const proposal = {
  depositId: "dep_1",
  scope: { kind: "full" as const },
  reason: "seller_cancels" as const,
  schedule: { kind: "single" as const, date: "2026-03-10" },
  comment: "Commande annulée par nos soins",
};
const KEY = "k0123456789abcdef0123456789abcd";

describe("menu and sidebar", () => {
  it("onOpen builds the Acompte add-on menu without any network call or property read", async () => {
    // No configuration at all: onOpen must still work (it runs in AuthMode.NONE).
    const { addon, standIns, requests } = await harness([], { scriptProperties: {} });
    addon.onOpen({ authMode: "NONE" });
    const [menu] = standIns.recorder.menus;
    expect(menu.addon).toBe(true);
    expect(menu.added).toBe(true);
    expect(menu.items).toEqual([
      { caption: "Ouvrir le panneau Acompte", functionName: "showSidebar" },
      { caption: "Importer les acomptes et factures saisis", functionName: "importTypedRows" },
      { caption: "Marquer l'échéance sélectionnée payée", functionName: "markInstalmentPaid" },
      { caption: "Préparer les virements", functionName: "prepareTransfers" },
      {
        caption: "Litige ou promesse de paiement sur la facture sélectionnée",
        functionName: "setInvoiceDunning",
      },
      {
        caption: "Facturer les pénalités de la facture sélectionnée",
        functionName: "claimPenalties",
      },
      { caption: "Resynchroniser le classeur", functionName: "resyncWorkbook" },
      "separator",
      { caption: "Associer ce classeur à une société", functionName: "linkCompany" },
      { caption: "Installer ou réparer le classeur (administrateurs)", functionName: "setupWorkbook" },
      { caption: "Vérifier les chaînes d'audit (administrateurs)", functionName: "verifyAuditChains" },
      { caption: "Taux légaux", functionName: "showLegalRates" },
      { caption: "Exporter le FEC", functionName: "exportFec" },
      { caption: "Déclaration de TVA", functionName: "declareVat" },
    ]);
    expect(requests).toHaveLength(0);
  });

  it("onInstall builds the same menu", async () => {
    const opened = await harness();
    opened.addon.onOpen({ authMode: "NONE" });
    const { addon, standIns } = await harness();
    addon.onInstall({});
    expect(standIns.recorder.menus).toHaveLength(1);
    expect(standIns.recorder.menus[0].items).toEqual(opened.standIns.recorder.menus[0].items);
    expect(standIns.recorder.menus[0].items).toHaveLength(14);
  });

  it("every menu item names a top-level function of Code.js", async () => {
    const { addon, standIns } = await harness();
    addon.onOpen();
    for (const item of standIns.recorder.menus[0].items) {
      if (item !== "separator")
        expect(typeof (addon as unknown as Record<string, unknown>)[item.functionName]).toBe("function");
    }
  });

  it("showSidebar opens the built sidebar titled Acompte", async () => {
    const { addon, standIns } = await harness();
    addon.showSidebar();
    expect(standIns.recorder.sidebars).toHaveLength(1);
    expect(standIns.recorder.sidebars[0].title).toBe("Acompte");
    expect(standIns.recorder.sidebars[0].content).toContain("Demander un remboursement");
  });
});

describe("calls to the functions", () => {
  it("sends a refund request with the identity token, idempotency key and JSON body", async () => {
    const created = { id: "ref_1", depositId: "dep_1", status: "submitted" };
    const { addon, requests } = await harness([on("POST", "/refunds", json(201, created))]);
    const result = addon.requestRefund(proposal, KEY);
    expect(result).toEqual({ ok: true, data: created });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`${API_URL}/v1/companies/${COMPANY}/refunds`);
    expect(request.headers.Authorization).toBe(`Bearer ${fakeIdToken()}`);
    expect(request.headers["Idempotency-Key"]).toBe(KEY);
    expect(request.headers["Content-Type"]).toBe("application/json");
    expect(JSON.parse(request.body ?? "")).toEqual(proposal);
  });

  it("quotes without an idempotency key (it stores nothing)", async () => {
    const quote = {
      creditNote: {
        lines: [{ vatRate: "20", net: "3600.00", vat: "720.00", gross: "4320.00" }],
        total: { net: "3600.00", vat: "720.00", gross: "4320.00" },
      },
    };
    const { addon, requests } = await harness([on("POST", "/refunds/quote", json(200, quote))]);
    expect(addon.quoteRefund(proposal)).toEqual({ ok: true, data: quote });
    expect(requests[0].headers).not.toHaveProperty("Idempotency-Key");
  });

  it("approves and rejects with the key, and refuses a rejection without reason before any call", async () => {
    const { addon, requests } = await harness([
      on("POST", "/refunds/ref_1/approve", json(200, { id: "ref_1", status: "submitted" })),
      on("POST", "/refunds/ref_1/reject", json(200, { id: "ref_1", status: "rejected" })),
    ]);
    expect(addon.approveRefund("ref_1", KEY).ok).toBe(true);
    const noReason = addon.rejectRefund("ref_1", "   ", KEY);
    expect(noReason.ok).toBe(false);
    expect(!noReason.ok && noReason.error.message).toBe("Indiquez le motif du rejet.");
    expect(addon.rejectRefund("ref_1", "Doublon de la demande ref_0", KEY).ok).toBe(true);
    expect(requests.map((r) => r.url.slice(API_URL.length))).toEqual([
      `/v1/companies/${COMPANY}/refunds/ref_1/approve`,
      `/v1/companies/${COMPANY}/refunds/ref_1/reject`,
    ]);
    expect(JSON.parse(requests[1].body ?? "")).toEqual({ reason: "Doublon de la demande ref_0" });
    expect(requests.every((r) => r.headers["Idempotency-Key"] === KEY)).toBe(true);
  });

  it("cancels a request with its key and an empty body", async () => {
    const { addon, requests } = await harness([
      on("POST", "/refunds/ref_1/cancel", json(200, { id: "ref_1", status: "cancelled" })),
    ]);
    expect(addon.cancelRefund("ref_1", KEY)).toEqual({ ok: true, data: { id: "ref_1", status: "cancelled" } });
    expect(requests[0].headers["Idempotency-Key"]).toBe(KEY);
    expect(requests[0].body).toBe("{}");
  });

  it("refuses a change without an idempotency key and calls nothing", async () => {
    const { addon, requests } = await harness();
    const result = addon.requestRefund(proposal, "");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe("IDEMPOTENCY_KEY_MISSING");
    expect(requests).toHaveLength(0);
  });

  it("lists pending approvals, whether the API answers a list or { items }", async () => {
    const items = [{ id: "ref_1", total: "4320.00" }];
    const plain = await harness([on("GET", "/approvals/pending", json(200, items))]);
    expect(plain.addon.listPendingApprovals()).toEqual({ ok: true, data: items });
    const wrapped = await harness([on("GET", "/approvals/pending", json(200, { items }))]);
    expect(wrapped.addon.listPendingApprovals()).toEqual({ ok: true, data: items });
  });

  it("cannot reach a URL the manifest does not allow (a misconfigured ACOMPTE_API_URL)", async () => {
    const { addon, requests } = await harness([], {
      scriptProperties: { ACOMPTE_API_URL: "https://elsewhere.example.test", ACOMPTE_COMPANY_ID: COMPANY },
    });
    const result = addon.getRefund("ref_1");
    expect(!result.ok && result.error.code).toBe("NETWORK");
    expect(requests).toHaveLength(0);
  });

  it("takes the company of the spreadsheet (document property) over the deployment default", async () => {
    const { addon, requests } = await harness([], { documentProperties: { ACOMPTE_COMPANY_ID: "durand" } });
    addon.getRefund("ref_9");
    expect(requests[0].url).toBe(`${API_URL}/v1/companies/durand/refunds/ref_9`);
  });
});

describe("selected deposit", () => {
  const deposit = { id: "dep_1", number: "FA-2026-000042", refundableBalance: "4320.00" };

  it("reads the id of the selected Acomptes row and fetches the deposit", async () => {
    const { addon, requests } = await harness([
      on("GET", "/me", json(200, { email: "alice@acme.fr", roles: ["requester"] })),
      on("GET", "/deposits/dep_1", json(200, deposit)),
    ]);
    const context = addon.getSidebarContext();
    expect(context).toEqual({
      ok: true,
      data: {
        me: { email: "alice@acme.fr", roles: ["requester"] },
        companyId: COMPANY,
        selection: { deposit, row: 2 },
      },
    });
    expect(requests.map((r) => r.method)).toEqual(["GET", "GET"]);
  });

  it("reports the selected row without calling the functions (the sidebar polls it)", async () => {
    const { addon, requests } = await harness();
    // A recorded row gets no « Conseil client »: the advice is for rows being typed.
    expect(addon.getSelectedRow()).toEqual({
      ok: true,
      data: {
        row: 2,
        depositId: "dep_1",
        adviceQuery: null,
        adviceProblem: "Cet acompte est déjà enregistré.",
        invoice: null,
      },
    });
    const elsewhere = await harness([], { spreadsheet: spreadsheet({ sheet: "Avoirs", row: 2, column: 1 }) });
    expect(elsewhere.addon.getSelectedRow()).toEqual({
      ok: true,
      data: { row: null, depositId: null, adviceQuery: null, adviceProblem: null, invoice: null },
    });
    expect([...requests, ...elsewhere.requests]).toHaveLength(0);
  });

  it("reads the customer and order typed in a row not recorded yet as the advice's query, French numbers too", async () => {
    const headers = [
      "Client",
      "SIREN",
      "E-mail",
      "Commande HT",
      "Taux TVA",
      "Acompte (%)",
      "Acompte TTC",
      "Identifiant",
    ];
    const typed = (cells: unknown[]) =>
      harness([], {
        spreadsheet: {
          id: "sheet-1",
          sheets: { Acomptes: [headers, cells] },
          active: { sheet: "Acomptes", row: 2, column: 1 },
        },
      });
    const { addon, requests } = await typed([
      "Hôtel Bellevue & Fils",
      "732 829 320",
      "",
      "12 000,50",
      "5,5 %",
      "30",
      "",
      "",
    ]);
    expect(addon.getSelectedRow()).toEqual({
      ok: true,
      data: {
        row: 2,
        depositId: null,
        adviceQuery:
          "siren=732829320&name=H%C3%B4tel%20Bellevue%20%26%20Fils&net=12000.50&vatRate=5.5&depositPercent=30",
        adviceProblem: null,
        invoice: null,
      },
    });
    const noAmount = await typed(["Hôtel Bellevue", "", "", "", "", "", "", ""]);
    expect(noAmount.addon.getSelectedRow()).toMatchObject({
      data: { adviceQuery: null, adviceProblem: "Saisissez le montant « Commande HT » pour voir le conseil." },
    });
    // A number cell (as the sheet holds a typed amount) reads as typed.
    const numeric = await typed(["", "", "x@y.fr", 14400, "20", "", 4320, ""]);
    expect(numeric.addon.getSelectedRow()).toMatchObject({
      data: { adviceQuery: "email=x%40y.fr&net=14400&vatRate=20&deposit=4320" },
    });
    expect(requests).toHaveLength(0);
  });

  it("explains in French when the selection is not a recorded deposit row", async () => {
    const cases = [
      { active: { sheet: "Avoirs", row: 2, column: 1 }, problem: /feuille « Acomptes »/ },
      { active: { sheet: "Acomptes", row: 1, column: 1 }, problem: /en-tête/ },
      { active: { sheet: "Acomptes", row: 3, column: 1 }, problem: /pas encore enregistrée/ },
    ];
    for (const { active, problem } of cases) {
      const { addon, requests } = await harness([], { spreadsheet: spreadsheet(active) });
      const result = addon.getSelectedDeposit();
      expect(result.ok && result.data.deposit).toBeNull();
      expect(result.ok && result.data.problem).toMatch(problem);
      expect(requests).toHaveLength(0);
    }
  });
});

describe("errors in French", () => {
  const refused = (status: number, code: string, message = "") =>
    harness([on("POST", "/refunds/ref_1/approve", json(status, { error: { code, message } }))]);

  it("maps self-approval, wrong role, wrong state, business refusals and malformed input", async () => {
    const cases: [number, string, string, RegExp][] = [
      [
        403,
        "FORBIDDEN",
        "Vous ne pouvez pas approuver votre propre demande.",
        /^Vous ne pouvez pas approuver votre propre demande\.$/,
      ],
      [403, "FORBIDDEN", "", /^Vous n'avez pas le rôle nécessaire/],
      [
        409,
        "INVALID_STATE",
        "La demande est déjà approuvée.",
        /^La demande est déjà approuvée\. Actualisez pour voir la situation actuelle\.$/,
      ],
      [
        422,
        "ABOVE_BALANCE",
        "Le montant dépasse le solde remboursable (4 320,00 €).",
        /^Le montant dépasse le solde remboursable/,
      ],
      [400, "VALIDATION_FAILED", "", /^La demande contient des données invalides\.$/],
      [401, "UNAUTHENTICATED", "Authentification requise : jeton absent.", /identité n'a pas pu être vérifiée/],
      [404, "NOT_FOUND", "", /introuvable/],
      [409, "SHEET_SYNC_BUSY", "Sync lease held", /déjà en cours de mise à jour/],
    ];

    for (const [status, code, message, expected] of cases) {
      const { addon } = await refused(status, code, message);
      const result = addon.approveRefund("ref_1", KEY);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toMatch(expected);
      expect(result.error).toMatchObject({ code, status, retryable: false });
    }
  });

  it("never shows a server error's text, and marks it retryable", async () => {
    const { addon } = await refused(500, "INTERNAL", "TypeError: cannot read properties of undefined");
    const result = addon.approveRefund("ref_1", KEY);
    expect(!result.ok && result.error.message).toBe(
      "Le service Acompte est momentanément indisponible. Réessayez dans un instant.",
    );
    expect(!result.ok && result.error.retryable).toBe(true);
  });

  it("handles an answer that is not JSON (a proxy's HTML page)", async () => {
    const { addon } = await harness([on("GET", "/refunds/ref_1", { status: 502, body: "<html>Bad Gateway</html>" })]);
    const result = addon.getRefund("ref_1");
    expect(!result.ok && result.error).toMatchObject({ status: 502, retryable: true });
    expect(!result.ok && result.error.message).toMatch(/momentanément indisponible/);
  });

  it("turns a failed connection into a retryable French message", async () => {
    const { addon } = await harness([], {
      transport: () => {
        throw new Error("Exception: DNS error: acompte-api.example.test");
      },
    });
    const result = addon.getRefund("ref_1");
    expect(!result.ok && result.error).toMatchObject({ code: "NETWORK", retryable: true });
    expect(!result.ok && result.error.message).toMatch(/^Impossible de joindre le service Acompte/);
  });

  it("says what to configure when the script properties are missing, and calls nothing", async () => {
    const { addon, requests } = await harness([], { scriptProperties: { ACOMPTE_API_URL: API_URL } });
    const result = addon.getRefund("ref_1");
    expect(!result.ok && result.error.code).toBe("CONFIG_MISSING");
    expect(!result.ok && result.error.message).toMatch(/n'est pas configuré : ACOMPTE_COMPANY_ID manquant/);
    expect(requests).toHaveLength(0);
  });

  it("catches a token for another OAuth client before calling", async () => {
    const { addon, requests } = await harness([], {
      scriptProperties: { ACOMPTE_API_URL: API_URL, ACOMPTE_COMPANY_ID: COMPANY, ACOMPTE_AUDIENCE: "other-client" },
    });
    const result = addon.getRefund("ref_1");
    expect(!result.ok && result.error.code).toBe("AUDIENCE_MISMATCH");
    expect(requests).toHaveLength(0);
  });

  it("accepts the token when the configured audience matches", async () => {
    const { addon, requests } = await harness(
      [on("GET", "/refunds/ref_1", json(200, { id: "ref_1", status: "submitted" }))],
      {
        scriptProperties: {
          ACOMPTE_API_URL: API_URL,
          ACOMPTE_COMPANY_ID: COMPANY,
          ACOMPTE_AUDIENCE: "client-123.apps.googleusercontent.com",
        },
      },
    );
    expect(addon.getRefund("ref_1").ok).toBe(true);
    expect(requests).toHaveLength(1);
  });
});

describe("menu actions", () => {
  it("logs the identity token's audience for the admin", async () => {
    const logged: unknown[] = [];
    const { addon, standIns } = await harness();
    standIns.globals.Logger.log = ((message: unknown) => {
      logged.push(message);
      return standIns.globals.Logger;
    }) as typeof standIns.globals.Logger.log;
    addon.logTokenAudience();
    expect(logged).toEqual(["Audience du jeton d'identité : client-123.apps.googleusercontent.com"]);
  });

  it("verifies the audit chains and names the first broken document", async () => {
    const { addon, standIns } = await harness([
      on("GET", "/audit/verify", json(200, { ok: false, firstBroken: { series: "AV", number: "AV-2026-000003" } })),
    ]);
    addon.verifyAuditChains();
    expect(standIns.recorder.alerts).toEqual([
      {
        title: "Vérifier les chaînes d'audit",
        prompt: expect.stringContaining("rompue au document AV AV-2026-000003"),
      },
    ]);
  });

  it("lists every finding the verification names, with the anchor it compared with", async () => {
    const findings = Array.from({ length: 12 }, (_, i) => ({
      problem: `La facture FA-2026-${String(i + 1).padStart(6, "0")} manque alors que l'empreinte du 01/12/2026 la comptait`,
    }));
    const { addon, standIns } = await harness([
      on(
        "GET",
        "/audit/verify",
        json(200, { ok: false, findings, findingsTotal: 12, anchors: [{ date: "2026-12-01", source: "firestore" }] }),
      ),
    ]);
    addon.verifyAuditChains();
    const prompt = standIns.recorder.alerts[0].prompt;
    expect(prompt.split("\n")).toEqual([
      "12 anomalie(s) dans les registres :",
      ...findings.slice(0, 10).map((f) => `- ${f.problem}`),
      "… et 2 autre(s).",
      "Alertez votre expert-comptable. Comparaison faite avec l'empreinte du 01/12/2026.",
    ]);
  });

  it("tells a non-admin in French that the audit check is not for them", async () => {
    const { addon, standIns } = await harness([
      on("GET", "/audit/verify", json(403, { error: { code: "FORBIDDEN", message: "" } })),
    ]);
    addon.verifyAuditChains();
    expect(standIns.recorder.alerts[0].prompt).toMatch(/^Vous n'avez pas le rôle nécessaire/);
  });

  it("asks the functions to set up, resync and import this spreadsheet", async () => {
    const sync = (updatedRows: number, newRows: number) => ({
      status: "synced",
      passes: 1,
      writeCalls: 1,
      updatedRows,
      newRows,
      replayed: false,
    });
    const { addon, requests, standIns } = await harness([
      on("POST", "/sheets/binding-code", json(200, { spreadsheetId: "sheet-1", alreadyBound: true })),
      on("POST", "/sheets/setup", json(200, { spreadsheetId: "sheet-1", layoutChanges: 12, sync: sync(0, 7) })),
      on("POST", "/sheets/resync", json(200, { spreadsheetId: "sheet-1", sync: sync(0, 0) })),
      on(
        "POST",
        "/sheets/import",
        json(200, {
          spreadsheetId: "sheet-1",
          recorded: [
            { row: 5, id: "d5", notice: "Avec cette commande…" },
            { row: 6, id: "d6" },
          ],
          refused: [{ row: 7, message: "SIREN manquant" }],
          sheets: {
            Acomptes: {
              recorded: [{ row: 5, id: "d5", notice: "Avec cette commande…" }],
              refused: [{ row: 7, message: "SIREN manquant" }],
            },
            Factures: { recorded: [{ row: 6, id: "d6" }], refused: [] },
          },
          sync: sync(2, 0),
        }),
      ),
    ]);
    addon.setupWorkbook();
    addon.resyncWorkbook();
    addon.importTypedRows();
    expect(requests.map((r) => r.url.split("/").slice(-2).join("/"))).toEqual([
      "sheets/binding-code",
      "sheets/setup",
      "sheets/resync",
      "sheets/import",
    ]);
    expect(requests.map((r) => JSON.parse(r.body ?? ""))).toEqual(Array(4).fill({ spreadsheetId: "sheet-1" }));
    // A code request changes nothing worth a key; every other action carries one.
    expect(requests.map((r) => /^[0-9a-f-]{36}$/.test(r.headers["Idempotency-Key"] ?? ""))).toEqual([
      false,
      true,
      true,
      true,
    ]);
    // Already bound to the company: a repair, no code written into the spreadsheet.
    expect(standIns.recorder.sheetsRequests).toEqual([]);
    expect(standIns.recorder.alerts.map((a) => a.prompt)).toEqual([
      "Le classeur est prêt. 7 lignes écrites.",
      "Le classeur est à jour. Aucune ligne n'avait changé.",
      "2 lignes enregistrées (Acomptes : 1, Factures : 1). 1 ligne refusée : la colonne « Message » (Acomptes) ou « Statut » (Factures) dit quoi corriger. 1 acompte enregistré avec une mise en garde (limite du client dépassée ou acompte inférieur à celui recommandé) : voir la colonne « Message » (Acomptes).",
    ]);
  });

  describe("« Installer ou réparer le classeur » on a spreadsheet not bound yet", () => {
    const SHEETS = "https://sheets.example.test";
    const code = "c".repeat(43);
    const issued = on(
      "POST",
      "/sheets/binding-code",
      json(201, { spreadsheetId: "sheet-1", alreadyBound: false, metadataKey: "acompte.bindingCode", code }),
    );
    const setupDone = on("POST", "/sheets/setup", json(200, { spreadsheetId: "sheet-1", binding: "new" }));
    const sheetsAnswer =
      (status: number, body: unknown): Route =>
      (r) =>
        r.url === `${SHEETS}/v4/spreadsheets/sheet-1:batchUpdate` ? json(status, body) : undefined;

    it("writes the functions' code into the spreadsheet's developer metadata (PROJECT), then asks for the setup", async () => {
      const { addon, requests, standIns } = await harness([issued, sheetsAnswer(200, { replies: [{}] }), setupDone], {
        sheetsApi: { url: SHEETS, accessToken: "jeton-utilisateur" },
      });
      addon.setupWorkbook();
      expect(requests.map((r) => r.url.split("/").pop())).toEqual(["binding-code", "setup"]);
      expect(standIns.recorder.sheetsRequests).toHaveLength(1);
      const [write] = standIns.recorder.sheetsRequests;
      expect(write.headers.Authorization).toBe("Bearer jeton-utilisateur");
      expect(JSON.parse(write.body ?? "")).toEqual({
        requests: [
          {
            createDeveloperMetadata: {
              developerMetadata: {
                metadataKey: "acompte.bindingCode",
                metadataValue: code,
                visibility: "PROJECT",
                location: { spreadsheet: true },
              },
            },
          },
        ],
      });
      expect(standIns.recorder.alerts[0].prompt).toBe("Le classeur est prêt.");
    });

    it("says in French when the code cannot be written, and does not ask for the setup", async () => {
      const { addon, requests, standIns } = await harness(
        [
          issued,
          sheetsAnswer(403, { error: { code: 403, message: "The caller does not have permission" } }),
          setupDone,
        ],
        { sheetsApi: { url: SHEETS, accessToken: "jeton-lecteur" } },
      );
      addon.setupWorkbook();
      expect(requests.map((r) => r.url.split("/").pop())).toEqual(["binding-code"]);
      expect(standIns.recorder.alerts[0].prompt).toMatch(
        /^Acompte n'a pas pu écrire son code de vérification dans ce classeur : vérifiez que vous pouvez le modifier/,
      );
    });

    it("shows the refusal of a spreadsheet bound to another company, without writing anything into it", async () => {
      const { addon, requests, standIns } = await harness(
        [
          on(
            "POST",
            "/sheets/binding-code",
            json(409, { error: { code: "WORKBOOK_BOUND_ELSEWHERE", message: "Ce classeur est déjà associé…" } }),
          ),
          setupDone,
        ],
        { sheetsApi: { url: SHEETS, accessToken: "jeton" } },
      );
      addon.setupWorkbook();
      expect(requests).toHaveLength(1);
      expect(standIns.recorder.sheetsRequests).toEqual([]);
      expect(standIns.recorder.alerts[0].prompt).toBe(
        "Ce classeur est déjà associé à une autre société dans Acompte : un classeur ne sert qu'une seule société. Créez un nouveau classeur Google Sheets pour la vôtre.",
      );
    });
  });

  it("links the spreadsheet to a company after checking membership, and restores the previous link on refusal", async () => {
    const ok = await harness(
      [(r) => (r.url.endsWith("/companies/durand/me") ? json(200, { email: "a@b.fr", roles: [] }) : undefined)],
      {
        promptAnswers: [{ text: " durand ", button: "OK" }],
      },
    );
    ok.addon.linkCompany();
    expect(ok.standIns.documentProperties.ACOMPTE_COMPANY_ID).toBe("durand");
    expect(ok.standIns.recorder.alerts[0].title).toBe("Classeur associé");

    const refused = await harness(
      [(r) => (r.url.endsWith("/me") ? json(403, { error: { code: "FORBIDDEN", message: "" } }) : undefined)],
      {
        documentProperties: { ACOMPTE_COMPANY_ID: "acme" },
        promptAnswers: [{ text: "autre", button: "OK" }],
      },
    );
    refused.addon.linkCompany();
    expect(refused.standIns.documentProperties.ACOMPTE_COMPANY_ID).toBe("acme");
    expect(refused.standIns.recorder.alerts[0].title).toBe("Association impossible");
  });
});
