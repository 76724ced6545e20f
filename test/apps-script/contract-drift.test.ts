/**
 * Issue #11, done when « the add-on's build fails when a response type of
 * the functions changes incompatibly »: the add-on compiles against the
 * functions' contract, so the add-on's typecheck passes on the contract as
 * it is and fails, naming the add-on's files, once an answer type drifts.
 */
import { ISSUE_DRIFTS, typecheckAddonWithContract } from "../../functions/testing/contract-drift";

jest.setTimeout(240_000);

test("the add-on's typecheck passes on the contract as it is", async () => {
  const { exitCode, output } = await typecheckAddonWithContract([]);
  expect(output).toBe("");
  expect(exitCode).toBe(0);
});

test("renaming the deposit's number or retyping firstBroken breaks the add-on's typecheck", async () => {
  const { exitCode, output } = await typecheckAddonWithContract(ISSUE_DRIFTS);
  expect(exitCode).not.toBe(0);
  expect(output).toMatch(
    /apps-script\/src\/frontend\/request-tab\.ts\(\d+,\d+\): error TS2339: Property 'number' does not exist on type 'Deposit'/,
  );
  expect(output).toMatch(
    /apps-script\/src\/backend\/verifyAuditChains\.ts\(\d+,\d+\): error TS2339: Property '\w+' does not exist on type 'string'/,
  );
});
