/**
 * The writes of a working office, committed by a second process while `npm run bench` measures (DATABASE_PATH names
 * the bench database). Through the app's own models, so each write is what the app would commit.
 *
 *   office      a draft autosave every 2.5 s, a follow-up every second, and session touches as 60 active people
 *               make them (each once a minute, so one a second)
 *   afterWrite  a follow-up every 5 ms on the resolutions the measured pages show (overdue, owned by the member's
 *               bodies), so no answer built on "nothing changed" can be reused
 *
 * Prints "ready" once it writes, and on SIGTERM the number of writes it committed.
 */
import { randomBytes } from "node:crypto";

const mode = process.argv[2];
if (mode !== "office" && mode !== "afterWrite") throw new Error("usage: writer.ts office|afterWrite");

const { db } = await import("../../app/utils/db.server");
const clock = await import("../../app/utils/clock.server");
const { scopeFor } = await import("../../app/models/access.server");
const { applyChange } = await import("../../app/models/follow-ups.server");
const { createMeeting } = await import("../../app/models/meetings.server");
const { parseDoc } = await import("../../app/schemas/minutes");
const { saveDraft } = await import("../../app/models/drafts.server");
const sqlite = db.$client;

const userOf = (username: string) =>
  sqlite.prepare("select id, role, person_id personId from users where username = ?").get(username) as {
    id: number;
    role: "admin" | "secretariat" | "chair" | "member";
    personId: number | null;
  };
const secretariat = userOf("secretariat");
const member = userOf("member");
const actor = { userId: secretariat.id, ip: "127.0.0.1" };
const scope = scopeFor(secretariat);
const memberBodies = scopeFor(member).bodyIds;
const today = clock.today();

// The resolutions a follow-up goes on: in afterWrite those both measured pages list; in office any active one.
const targets = (
  mode === "afterWrite"
    ? sqlite
        .prepare(
          `select distinct r.id from resolutions r join resolution_owners o on o.resolution_id = r.id
           where r.status in ('open', 'in_progress') and r.due_date < ? and o.body_id in (${memberBodies.map(() => "?").join(",") || "null"})`,
        )
        .all(today, ...memberBodies)
    : sqlite
        .prepare("select id from resolutions where status in ('open', 'in_progress') order by random() limit 2000")
        .all()
).map((r) => (r as { id: number }).id);
if (targets.length === 0) throw new Error("no resolutions to follow up");

let writes = 0;
let next = 0;
function followUp() {
  const id = targets[next++ % targets.length];
  applyChange(actor, scope, id, { intent: "progress", note: `پیگیری شماره ${writes} انجام شد.`, percent: null });
  writes++;
}

const timers: NodeJS.Timeout[] = [];
if (mode === "afterWrite") {
  timers.push(setInterval(followUp, 5));
} else {
  timers.push(setInterval(followUp, 1000));

  const councilId = (sqlite.prepare("select id from bodies where kind = 'council'").get() as { id: number }).id;
  const draftId = createMeeting(actor, councilId);
  let version = (sqlite.prepare("select version from meetings where id = ?").get(draftId) as { version: number })
    .version;
  const doc = parseDoc(
    (sqlite.prepare("select draft_json from meetings where id = ?").get(draftId) as { draft_json: string }).draft_json,
  );
  timers.push(
    setInterval(() => {
      doc.summary = `${doc.summary} متن تایپ‌شده ${writes}.`.slice(-4000);
      const saved = saveDraft(actor, draftId, { doc, version, saveId: randomBytes(8).toString("hex") });
      if (saved.ok) version = saved.version;
      writes++;
    }, 2500),
  );

  // Sixty people with a session each, every one touched once a minute: one touch a second.
  const users = sqlite.prepare("select id from users order by id limit 60").all() as { id: number }[];
  const sessionIds = Array.from({ length: 60 }, (_, i) => {
    const id = `bench-${randomBytes(12).toString("hex")}`;
    sqlite
      .prepare("insert into sessions (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)")
      .run(id, users[i % users.length].id, clock.nowIso(), clock.nowIso(), clock.nowIso(12 * 3_600_000));
    return id;
  });
  let touched = 0;
  timers.push(
    setInterval(() => {
      sqlite
        .prepare("update sessions set last_seen_at = ? where id = ?")
        .run(clock.nowIso(), sessionIds[touched++ % sessionIds.length]);
      writes++;
    }, 1000),
  );
  process.on("exit", () => {
    sqlite.prepare("delete from sessions where id like 'bench-%'").run();
    sqlite.prepare("delete from meetings where id = ?").run(draftId);
  });
}

const started = performance.now();
process.on("SIGTERM", () => {
  for (const t of timers) clearInterval(t);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ writes, perSecond: Math.round(writes / seconds) })}\n`);
  process.exit(0);
});
process.stdout.write("ready\n");
