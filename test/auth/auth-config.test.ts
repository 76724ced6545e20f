import { LOCAL_PUBLIC_KEY_FILE, mintLocalToken } from "../../functions/testing/local-tokens";
import { localModeAllowed, verifierFromEnv } from "../../functions/src/auth/auth-config";

const local = {
  ACOMPTE_AUDIENCE: "client-id",
  ACOMPTE_LOCAL_TOKENS: "1",
  ACOMPTE_LOCAL_PUBLIC_KEY_FILE: LOCAL_PUBLIC_KEY_FILE,
  FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080",
};

test("local tokens need the explicit switch, the emulator, and a process that is not a deployed function", () => {
  expect(localModeAllowed(local)).toBe(true);
  expect(localModeAllowed({ ...local, ACOMPTE_LOCAL_TOKENS: undefined })).toBe(false);
  expect(localModeAllowed({ ...local, ACOMPTE_LOCAL_TOKENS: "true" })).toBe(false);
  expect(localModeAllowed({ ...local, FIRESTORE_EMULATOR_HOST: undefined })).toBe(false);
  expect(localModeAllowed({ ...local, K_SERVICE: "api" })).toBe(false);
  expect(localModeAllowed({ ...local, FUNCTION_TARGET: "api" })).toBe(false);
});

test("a production configuration that asks for local tokens refuses to start", () => {
  expect(() => verifierFromEnv({ ...local, K_SERVICE: "api" })).toThrow(/only allowed on the Firestore emulator/);
  expect(() => verifierFromEnv({ ...local, FIRESTORE_EMULATOR_HOST: undefined })).toThrow(/only allowed/);
  expect(() => verifierFromEnv({ ACOMPTE_LOCAL_TOKENS: "1" })).toThrow(/ACOMPTE_AUDIENCE/);
});

test("the local verifier accepts a local token for its audience only", async () => {
  const verifier = verifierFromEnv(local);
  await expect(verifier.verify(mintLocalToken("Alice@Acme.fr", { audience: "client-id" }))).resolves.toEqual({
    email: "alice@acme.fr",
  });
  await expect(verifier.verify(mintLocalToken("alice@acme.fr", { audience: "other" }))).rejects.toMatchObject({
    status: 401,
  });
});
