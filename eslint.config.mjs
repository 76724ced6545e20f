import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "functions/lib/", "apps-script/dist/", "test-artifacts/", ".local/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { rules: { "@typescript-eslint/no-require-imports": "off" } },
  { files: ["jest.config.js"], languageOptions: { sourceType: "commonjs", globals: { module: "writable" } } },
);
