/**
 * The built server is killed with SIGKILL while clients write over HTTP. Every write the server acknowledged must be
 * in the database afterwards, and the database must pass PRAGMA integrity_check.
 */
import Database from "better-sqlite3";
import { Client, type TestServer } from "./server";

export async function crash(server: TestServer, kills: number) {
  const acknowledged: string[] = [];
  let killed = 0;
  let stop = false;
  let client = await new Client(server.origin).signIn("admin", "admin-demo-1404");

  const writer = async (name: string) => {
    let i = 0;
    while (!stop) {
      const lastName = `crash-${name}-${i++}`;
      try {
        const r = await client.post("/people/new", { honorific: "mr", lastName, organisation: "آزمون خرابی" });
        if (r.status === 302 && /^\/people\/\d+$/.test(r.headers.get("location") ?? "")) acknowledged.push(lastName);
      } catch {
        // the server died mid-request: not acknowledged, so nothing is owed
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const writers = [writer("a"), writer("b"), writer("c")];
  while (killed < kills) {
    await new Promise((r) => setTimeout(r, 150 + Math.random() * 350));
    await server.kill("SIGKILL");
    killed++;
    await server.start();
    // The session survives the crash: it is in the database.
    if (killed % 5 === 0) client = await new Client(server.origin).signIn("admin", "admin-demo-1404");
  }
  stop = true;
  await Promise.all(writers);
  await server.kill("SIGTERM");

  const db = new Database(server.dbPath, { readonly: true });
  const integrity = db.pragma("integrity_check", { simple: true });
  const present = new Set(
    (
      db.prepare("select last_name from people where organisation = 'آزمون خرابی'").all() as { last_name: string }[]
    ).map((r) => r.last_name),
  );
  db.close();
  const lost = acknowledged.filter((n) => !present.has(n));
  return {
    kills: killed,
    writes: acknowledged.length,
    acknowledgedLost: lost.length,
    integrityFailures: integrity === "ok" ? 0 : 1,
  };
}
