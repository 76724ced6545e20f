import { ordersInProgress, type DepositOnOrder } from "../../../functions/src/domain";

const open = (over: Partial<DepositOnOrder> = {}): DepositOnOrder => ({
  status: "open",
  net: "3000.00",
  gross: "3600.00",
  orderNet: "10000.00",
  refundableBalance: "3600.00",
  ...over,
});

describe("ordersInProgress: what a customer's open deposits add to its exposure", () => {
  test("an order of 10 000,00 € net at the deposit's 20 % is 12 000,00 € gross, its 3 600,00 € deposit held", () => {
    expect(ordersInProgress([open()])).toEqual({ ordersInProgress: "12000.00", depositsHeld: "3600.00" });
  });

  test("mixed rates: the order's gross follows the deposit's own VAT mix, half-up to the cent", () => {
    // Deposit 3 000 + 600 net at 20 % and 10 % → 4 260,00 gross on 3 600,00 net; order 12 000 net → 14 200,00.
    expect(ordersInProgress([open({ net: "3600.00", gross: "4260.00", orderNet: "12000.00" })]).ordersInProgress).toBe(
      "14200.00",
    );
    // 1 000 × 1 234,57 / 1 000,01 = 1 234,5577… → 1 234,56.
    expect(ordersInProgress([open({ net: "1000.01", gross: "1234.57", orderNet: "1000.00" })]).ordersInProgress).toBe(
      "1234.56",
    );
  });

  test("an order whose net is unknown counts the deposit's gross; a partly refunded deposit holds its balance", () => {
    expect(ordersInProgress([open({ orderNet: null, refundableBalance: "1000.00" })])).toEqual({
      ordersInProgress: "3600.00",
      depositsHeld: "1000.00",
    });
  });

  test("applied and refunded deposits add nothing (the final invoice counts itself)", () => {
    expect(ordersInProgress([open({ status: "applied" }), open({ status: "refunded" }), open()])).toEqual({
      ordersInProgress: "12000.00",
      depositsHeld: "3600.00",
    });
    expect(ordersInProgress([])).toEqual({ ordersInProgress: "0.00", depositsHeld: "0.00" });
  });
});
