import type { HttpFunction } from "@google-cloud/functions-framework";

/**
 * A job function configured on its first call (not at load), so loading its
 * entry module never fails because a setting is missing. Until the
 * configuration is fixed, each call answers 500 MISCONFIGURED and logs why.
 */
export function builtOnFirstCall(name: string, build: () => HttpFunction): HttpFunction {
  let built: HttpFunction | undefined;
  return async (req, res) => {
    try {
      built ??= build();
    } catch (error) {
      // The operator reads the variables' names in the logs; the caller, maybe anyone, learns nothing of them.
      console.error(`${name}: configuration error`, error);
      res.status(500).json({
        error: {
          code: "MISCONFIGURED",
          message: "Tâche mal configurée : l'administrateur trouvera le détail dans les journaux du service.",
        },
      });
      return;
    }
    await built(req, res);
  };
}
