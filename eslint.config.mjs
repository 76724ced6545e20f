import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layerBoundaries } from "./eslint.layers.mjs";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "apps-script/dist/", "test-artifacts/", ".local/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { rules: { "@typescript-eslint/no-require-imports": "off" } },
  { files: ["jest.config.js"], languageOptions: { sourceType: "commonjs", globals: { module: "writable" } } },
  {
    // The sidebar and the dev pages show text people typed: it goes in as text, never parsed as HTML.
    files: ["apps-script/src/frontend/**/*.ts", "functions/dev/**/*.ts", "functions/testing/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...[
          { property: "innerHTML" },
          { property: "outerHTML" },
          { property: "insertAdjacentHTML" },
          { object: "document", property: "write" },
          { object: "document", property: "writeln" },
        ].map((sink) => ({
          ...sink,
          message: "Insert text with textContent or the dom helpers; HTML built from data is an injection.",
        })),
      ],
    },
  },
  ...layerBoundaries(),
  {
    // Collection names live in functions/src/model/collections.ts, the one true Firestore layout.
    files: ["functions/src/**/*.ts", "functions/tools/**/*.ts", "functions/testing/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(collection|collectionGroup)$/] > Literal.arguments",
          message: "Name the collection in functions/src/model/collections.ts and import it.",
        },
      ],
    },
  },
);
