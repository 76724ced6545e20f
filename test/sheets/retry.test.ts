import { withRetry } from "../../functions/src/sheets/retry";
import { dateSerial, rawValue, serialToDay, money, date, int } from "../../functions/src/sheets/cell";

const failure = (status?: number) =>
  Object.assign(new Error(`status ${status}`), status === undefined ? {} : { response: { status } });

describe("withRetry", () => {
  it("retries 429 and 5xx with growing, jittered waits, then succeeds", async () => {
    const waits: number[] = [];
    const errors = [failure(429), failure(500), failure(503), failure()];
    const result = await withRetry(
      async () => {
        const e = errors.shift();
        if (e) throw e;
        return "ok";
      },
      { baseMs: 100, maxMs: 1000, random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe("ok");
    expect(waits).toEqual([50, 100, 200, 400]);
  });

  it("does not retry other 4xx and gives up after the last attempt", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw failure(400);
        },
        { sleep: async () => undefined },
      ),
    ).rejects.toThrow("status 400");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw failure(500);
        },
        { attempts: 3, sleep: async () => undefined },
      ),
    ).rejects.toThrow("status 500");
    expect(calls).toBe(3);
  });
});

describe("cells", () => {
  it("writes amounts as numbers and dates as Sheets serials", () => {
    expect(rawValue(money("3600.00"))).toBe(3600);
    expect(rawValue(money(null))).toBe("");
    expect(rawValue(date("2026-01-15"))).toBe(46037);
    expect(dateSerial("1899-12-31")).toBe(1);
    expect(serialToDay(46037)).toBe("2026-01-15");
    expect(serialToDay(46037.71)).toBe("2026-01-15");
    expect(serialToDay(1e12)).toBeNull();
    expect(rawValue(int(3))).toBe(3);
  });
});
