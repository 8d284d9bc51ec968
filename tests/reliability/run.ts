/**
 * npm run test:reliability — three suites against the built server, each printing one line of figures:
 *   access-matrix: cells=N unexpected_allows=0
 *   fuzz: inputs=N server_errors=0 rows_changed_on_rejected=0
 *   crash: kills=N acknowledged_lost=0 integrity_failures=0
 *   edges: cases=N failures=0 (bodies of the wrong shape or size, redirects elsewhere, bad headers)
 * Exits non-zero when a figure is off. `--quick` is the smaller run that npm test uses; `--only=edges` (or matrix,
 * fuzz, crash) runs one suite.
 */
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { accessMatrix } from "./access-matrix";
import { crash } from "./crash";
import { edges } from "./edges";
import { printEdges } from "./edges-print";
import { raceEdges } from "./edges-races";
import { secondFactorEdges, signInEdges } from "./edges-sign-in";
import { fuzz, installChangeCounter } from "./fuzz";
import { Client, TestServer } from "./server";

const quick = process.argv.includes("--quick");
const FUZZ_INPUTS = quick ? 1500 : 10_500;
const KILLS = quick ? 5 : 20;

function seeded(name: string) {
  const dbPath = TestServer.tempDb(name);
  execFileSync(process.execPath, ["--import", "tsx", "db/seed.ts"], {
    env: { ...process.env, DATABASE_PATH: dbPath },
    stdio: "ignore",
  });
  return dbPath;
}

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const runs = (suite: string) => !only || only === suite;

/** The servers listen on BASE+1 … BASE+4 (`RELIABILITY_PORT`, default 3200), so two runs on one machine do not meet. */
const BASE = Number(process.env.RELIABILITY_PORT ?? 3200);

let failed = false;

if (runs("matrix")) {
  const server = new TestServer(seeded("matrix"), BASE + 1);
  await server.start();
  try {
    const { cells, unexpected, missed } = await accessMatrix(server.origin, server.dbPath);
    console.log(
      `access-matrix: cells=${cells} unexpected_allows=${unexpected.length} unexpected_denials=${missed.length}`,
    );
    for (const line of [...unexpected, ...missed].slice(0, 20)) console.log(`  ${line}`);
    if (unexpected.length > 0 || missed.length > 0) failed = true;
  } finally {
    await server.kill("SIGTERM");
  }
}

if (runs("fuzz")) {
  const dbPath = seeded("fuzz");
  installChangeCounter(dbPath);
  const db = new Database(dbPath, { readonly: true });
  const id = (sql: string) => (db.prepare(sql).get() as { id: number }).id;
  const ids = {
    body: id("select id from bodies where kind = 'secretariat'"),
    committee: id("select id from bodies where kind = 'committee' order by id desc"),
    group: id("select id from working_groups order by id"),
    person: id("select id from people order by id desc"),
    resolution: id("select id from resolutions where status = 'open' order by id desc"),
    draft: id("select id from meetings where status = 'draft'"),
  };
  db.close();
  const server = new TestServer(dbPath, BASE + 2);
  await server.start();
  try {
    const r = await fuzz(server.origin, dbPath, FUZZ_INPUTS, ids);
    console.log(
      `fuzz: inputs=${r.inputs} server_errors=${r.serverErrors} rows_changed_on_rejected=${r.rowsChangedOnRejected}`,
    );
    for (const line of r.failures) console.log(`  ${line}`);
    if (r.serverErrors > 0 || r.rowsChangedOnRejected > 0 || r.inputs < FUZZ_INPUTS) failed = true;
  } finally {
    await server.kill("SIGTERM");
  }
}

if (runs("crash")) {
  const server = new TestServer(seeded("crash"), BASE + 3);
  await server.start();
  const r = await crash(server, KILLS);
  console.log(
    `crash: kills=${r.kills} acknowledged_lost=${r.acknowledgedLost} integrity_failures=${r.integrityFailures} (acknowledged_writes=${r.writes})`,
  );
  if (r.acknowledgedLost > 0 || r.integrityFailures > 0 || r.kills < KILLS || r.writes === 0) failed = true;
}

if (runs("edges")) {
  // TRUST_PROXY lets the sign-in cases say which address each attempt comes from.
  const server = new TestServer(seeded("edges"), BASE + 4, { TRUST_PROXY: "loopback" });
  await server.start();
  try {
    const admin = await new Client(server.origin).signIn("admin", "admin-demo-1404");
    const parts = [
      await edges(server.origin),
      await signInEdges(server.origin, admin),
      await raceEdges(server.origin),
      // Last: it renames a body (and names it back) and saves a report draft.
      await printEdges(server.origin, admin),
      // Last of all: it turns the second factor on for the admin and the secretariat while it runs.
      await secondFactorEdges(server.origin, admin),
    ];
    const cases = parts.reduce((n, r) => n + r.cases, 0);
    const failures = parts.flatMap((r) => r.failures);
    console.log(`edges: cases=${cases} failures=${failures.length}`);
    for (const line of failures) console.log(`  ${line}`);
    if (failures.length > 0) failed = true;
  } finally {
    await server.kill("SIGTERM");
  }
}

process.exit(failed ? 1 : 0);
