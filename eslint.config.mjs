// ESLint: Next's rules (core web vitals, React, hooks, jsx-a11y) and typescript-eslint, once for the
// whole tree. `npm run lint` runs it with zero warnings allowed, and `npm test` runs `npm run lint`.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    // Every build folder (.next, and the benches' .next-bench, .next-dash…; see .gitignore).
    ".next*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    "node_modules/**",
    ".data*/**",
    "test-results/**",
    "playwright-report/**",
    "bench/results/**",
  ]),
  {
    // Playwright fixtures take a `use` callback; it is not React's `use`.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // CommonJS files (loaded with `node --require` before Next) can only `require`.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      // `_`-prefixed arguments and variables are deliberately unused (a handler's fixed signature).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
]);
