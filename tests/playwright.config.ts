import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const DATABASE_PATH = "data/e2e/app.db";
/**
 * The instant the server's clock starts at (it runs on from there), so no journey depends on the day or hour the
 * suite runs: a Sunday, 10:00 in Tehran (1405/09/15). The seed's relative dates follow it. `E2E_CLOCK` runs the
 * suite at another instant, e.g. `E2E_CLOCK=2026-12-04T20:45:00Z npm run test:e2e` (Friday night in Tehran).
 */
export const E2E_CLOCK = process.env.E2E_CLOCK ?? "2026-12-06T06:30:00Z";
/**
 * A second server, on its own database, starts at 00:01 on a Thursday in Tehran, when the UTC day is still
 * Wednesday: journeys tagged @night run there too (the hour at which SQLite's UTC day once kept ended seats full).
 */
const NIGHT_CLOCK = "2026-12-02T20:31:00Z";
const NIGHT_PORT = PORT + 1;

/** The production build, seeded afresh, with the clock pinned (NODE_ENV=test lets TEST_CLOCK do that). */
function server(port: number, databasePath: string, clock: string) {
  return {
    cwd: "..",
    command: `rm -rf ${path.dirname(databasePath)} && npx tsx db/seed.ts && node scripts/server.mjs`,
    env: { DATABASE_PATH: databasePath, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "test", TEST_CLOCK: clock },
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
  };
}

/** End-to-end tests: the built production server on a fresh database, driven in Debian's Chromium. */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./.output",
  fullyParallel: true,
  // One worker: on two cores a second one bought no time (the suite took 5.0–5.4 min with two, 4.9 min with one)
  // and doubled each journey's time (the slowest 25 s of its 30, against 11 s alone), since Chromium, the server
  // and the runner already share the cores.
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fa-IR",
    timezoneId: "Asia/Tehran",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  // The accessibility sweep over every page (a11y.spec.ts, @sweep) runs every time; A11Y_SWEEP=0 leaves it out of a
  // local run.
  projects: [
    { name: "day", grepInvert: process.env.A11Y_SWEEP === "0" ? /@sweep/ : undefined },
    { name: "night", grep: /@night/, use: { baseURL: `http://127.0.0.1:${NIGHT_PORT}` } },
  ],
  webServer: [server(PORT, DATABASE_PATH, E2E_CLOCK), server(NIGHT_PORT, "data/e2e-night/app.db", NIGHT_CLOCK)],
});
