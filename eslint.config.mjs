import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "test/**", "e2e/**", "bench/**"];
const NO_IO = ["node:fs", "node:fs/promises", "node:net", "node:http", "node:child_process", "postgres", "drizzle-orm"];

/**
 * The layers (CONTRIBUTING.md): what each folder may import. A violation fails `npm run lint`;
 * scripts/check-folder-cycles.ts checks the other half, that no two folders import each other.
 */
const layers = [
  // Pages, route handlers and components reach the database through lib/, never db/ itself.
  { target: ["./app", "./components"], from: ["./db"], message: "read and write through lib/ (a feature folder)" },
  { target: ["./components"], from: ["./lib/db.ts"], message: "components get data as props, never the database" },
  // The schema and its client know nothing of the domain, apart from plain constants.
  {
    target: ["./db"],
    from: "./lib",
    except: ["./catalog/constants.ts"],
    message: "db/ may use lib/catalog/constants only",
  },
  // The detector is pure maths: no database, no other feature, no runtime.
  {
    target: ["./lib/detection"],
    from: "./lib",
    except: ["./detection", "./catalog/constants.ts"],
    message: "lib/detection is pure: of lib/ it may import only itself and lib/catalog/constants",
  },
  {
    target: ["./lib/detection"],
    from: ["./db", "./server", "./app", "./components", "./bench"],
    message: "lib/detection is pure: no database, runtime, pages or benchmark results",
  },
  // Next.js code never depends on the Node front that runs it.
  {
    target: ["./app", "./components", "./lib", "./db"],
    from: ["./server"],
    message: "server/ runs the app; the app does not import it",
  },
  // Test helpers never ship.
  {
    target: ["./app", "./components", "./lib", "./db", "./server", "./scripts"],
    from: ["./test"],
    message: "test/ is for tests, benchmarks and e2e only",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Pages live under app/[locale], which this rule reads as every path being a page; the plain
    // links it would flag go to the console and the dev outbox on purpose (other root layouts).
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // One way to link: IntentLink, which prefetches on intent rather than for every link on screen.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["components/intent-link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "use IntentLink from components/intent-link.tsx" }] },
      ],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: TESTS,
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: layers,
        },
      ],
    },
  },
  {
    files: ["lib/detection/**/*.ts"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: NO_IO.map((name) => ({ name, message: "lib/detection is pure: no I/O" })) },
      ],
    },
  },
  { ignores: [".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
