import { formatDate, formatMoney, formatRate, parseAmount } from "../../apps-script/src/frontend/format";
import { decodeBase64Url, tokenAudience } from "../../apps-script/src/backend/identity-token";
import { depositIdFromRow, normalizeHeader } from "../../apps-script/src/backend/deposit-row";

describe("French display without floats", () => {
  it("formats decimal strings as French amounts", () => {
    expect(formatMoney("3600.00")).toBe("3\u202f600,00\u00a0€");
    expect(formatMoney("-4320.5")).toBe("−4\u202f320,50\u00a0€");
    expect(formatMoney("1234567890123.10")).toBe("1\u202f234\u202f567\u202f890\u202f123,10\u00a0€");
    expect(formatMoney("0.00")).toBe("0,00\u00a0€");
    expect(formatMoney(undefined)).toBe("—");
    expect(formatRate("5.5")).toBe("5,5\u00a0%");
    expect(formatDate("2026-01-15")).toBe("15/01/2026");
    expect(formatDate("2026-03-10T14:05:00Z")).toBe("10/03/2026 15:05");
    expect(formatDate("2026-07-10T14:05:00Z")).toBe("10/07/2026 16:05");
  });

  it("reads amounts typed the French way, and refuses what is not a positive amount in cents", () => {
    expect(parseAmount("1 200,5")).toBe("1200.50");
    expect(parseAmount("1\u202f200,50 €")).toBe("1200.50");
    expect(parseAmount("4320")).toBe("4320.00");
    expect(parseAmount("0,10")).toBe("0.10");
    expect(parseAmount("007,10")).toBe("7.10");
    for (const bad of ["", "0", "0,00", "-5", "1,234", "1.2.3", "abc", "1e3", "NaN"])
      expect(parseAmount(bad)).toBeNull();
  });
});

describe("identity token and deposit row", () => {
  it("decodes base64url payloads, accents included", () => {
    const encoded = Buffer.from('{"aud":"x","name":"Hélène"}').toString("base64url");
    expect(decodeBase64Url(encoded)).toBe('{"aud":"x","name":"Hélène"}');
    expect(tokenAudience(`h.${encoded}.s`)).toBe("x");
    expect(tokenAudience("not-a-jwt")).toBeNull();
  });

  it("finds the id column whatever its case and accents", () => {
    expect(normalizeHeader("  Identifiant  ")).toBe("identifiant");
    expect(depositIdFromRow(["N°", "IDENTIFIANT"], ["FA-1", "dep_7"])).toEqual({ ok: true, depositId: "dep_7" });
    expect(depositIdFromRow(["N°"], ["FA-1"]).ok).toBe(false);
  });
});
