/// <reference types="google-apps-script" />
/**
 * Builds a stand-in for an Apps Script service type T from the members the
 * add-on uses. The implemented members are checked against
 * @types/google-apps-script at compile time (the argument is a Pick of T);
 * touching any other member at run time throws, so a test fails loudly when
 * the add-on starts using something the stand-ins do not cover.
 */
export function standIn<T extends object>(service: string) {
  return <K extends keyof T>(members: Pick<T, K>): T =>
    new Proxy(members as T, {
      get(target, property, receiver) {
        if (typeof property === "symbol" || property in target) return Reflect.get(target, property, receiver);
        // Probes by Node and Jest (promises, JSON, inspection) are not Apps Script calls.
        if (
          property === "then" ||
          property === "toJSON" ||
          property === "asymmetricMatch" ||
          property.startsWith("$$")
        ) {
          return undefined;
        }
        throw new Error(`Apps Script stand-in: ${service}.${property} is not implemented`);
      },
    });
}
