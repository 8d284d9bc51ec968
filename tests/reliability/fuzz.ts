/**
 * Property-based inputs (fast-check) to every action: Persian, Arabic, bidi controls, very long strings, markup and
 * random structure. No answer may be a 5xx, and no rejected (4xx) request may change a single row.
 */
import Database from "better-sqlite3";
import fc from "fast-check";
import { Client } from "./server";

const TRACKED = [
  "bodies",
  "people",
  "memberships",
  "working_groups",
  "meetings",
  "agenda_items",
  "committee_reports",
  "attendance",
  "resolutions",
  "resolution_owners",
  "follow_ups",
  "holidays",
  "settings",
  "users",
  "meeting_editions",
  "reports",
];

/** Counts every row change in the tracked tables, through triggers, so a rejected request can be checked cheaply. */
export function installChangeCounter(dbPath: string) {
  const db = new Database(dbPath);
  db.exec(
    "create table if not exists fuzz_changes (n integer not null); insert into fuzz_changes select 0 where not exists (select 1 from fuzz_changes);",
  );
  for (const t of TRACKED) {
    for (const op of ["insert", "update", "delete"]) {
      db.exec(
        `create trigger if not exists fuzz_${t}_${op} after ${op} on ${t} begin update fuzz_changes set n = n + 1; end;`,
      );
    }
  }
  db.close();
}

const persian = fc
  .array(fc.constantFrom(..."ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیۀئ ‌۰۱۲۳۴۵۶۷۸۹"), { maxLength: 60 })
  .map((a) => a.join(""));
const arabic = fc.array(fc.constantFrom(..."كيىةأإؤءًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩ "), { maxLength: 40 }).map((a) => a.join(""));
const bidi = fc
  .array(
    fc.constantFrom(
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u200C",
      "\u200D",
      "\uFEFF",
      "a",
      "ب",
      "1",
    ),
    { maxLength: 30 },
  )
  .map((a) => a.join(""));
const markup = fc.constantFrom(
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "{{constructor.constructor('x')()}}",
  "'; drop table people; --",
  "%00",
  "../../etc/passwd",
  "\u0000",
  "NaN",
  "-1",
  "1e309",
  "[object Object]",
);
const dates = fc
  .tuple(
    fc.integer({ min: -5, max: 3000 }),
    fc.integer({ min: -2, max: 15 }),
    fc.integer({ min: -2, max: 40 }),
    fc.constantFrom("/", "-", ".", " "),
  )
  .chain(([y, m, d, s]) =>
    fc.constantFrom(`${y}${s}${m}${s}${d}`, `${d}${s}${m}${s}${y}`, `۱۴۰۴${s}۱۲${s}۳۰`, `١٤٠٠/٢/٦`),
  );
const longText = fc.integer({ min: 1000, max: 30000 }).map((n) => "ب".repeat(n));
export const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  persian,
  arabic,
  bidi,
  markup,
  dates,
  longText,
  fc.integer().map(String),
  fc.constant(""),
);

type Target = { name: string; weight: number; run: (c: Client, ids: FuzzIds, v: () => string) => Promise<Response> };
export type FuzzIds = {
  body: number;
  committee: number;
  group: number;
  person: number;
  resolution: number;
  draft: number;
};

const TARGETS: Target[] = [
  {
    name: "bodies.new",
    weight: 8,
    run: (c, _i, v) =>
      c.post("/bodies/new", { name: v(), code: v(), kind: v(), parentId: v(), duties: v(), isExternal: v() }),
  },
  {
    name: "bodies.edit",
    weight: 8,
    run: (c, i, v) =>
      c.post(`/bodies/${i.body}/edit`, { name: v(), code: v(), kind: v(), parentId: v(), duties: v(), active: v() }),
  },
  {
    name: "bodies.add-member",
    weight: 8,
    run: (c, i, v) =>
      c.post(`/bodies/${i.body}`, {
        intent: "add-member",
        personId: v(),
        role: v(),
        startDate: v(),
        endDate: v(),
        letterNumber: v(),
        letterDate: v(),
      }),
  },
  {
    name: "bodies.create-group",
    weight: 8,
    run: (c, i, v) => c.post(`/bodies/${i.committee}`, { intent: "create-group", name: v(), duties: v() }),
  },
  {
    name: "groups.add-member",
    weight: 8,
    run: (c, i, v) => c.post(`/groups/${i.group}`, { intent: "add-member", personId: v(), role: v(), startDate: v() }),
  },
  {
    name: "groups.edit",
    weight: 6,
    run: (c, i, v) => c.post(`/groups/${i.group}`, { intent: "edit-group", name: v(), duties: v() }),
  },
  {
    name: "people.new",
    weight: 8,
    run: (c, _i, v) =>
      c.post("/people/new", {
        honorific: v(),
        title: v(),
        firstName: v(),
        lastName: v(),
        organisation: v(),
        position: v(),
        email: v(),
        mobile: v(),
      }),
  },
  {
    name: "people.edit",
    weight: 8,
    run: (c, i, v) =>
      c.post(`/people/${i.person}/edit`, { honorific: v(), title: v(), lastName: v(), email: v(), mobile: v() }),
  },
  {
    name: "resolutions.change",
    weight: 10,
    run: (c, i, v) =>
      c.post(`/resolutions/${i.resolution}`, {
        intent: v(),
        note: v(),
        percent: v(),
        date: v(),
        followUpId: v(),
        approve: v(),
      }),
  },
  {
    name: "resolutions.progress",
    weight: 8,
    run: (c, i, v) => c.post(`/resolutions/${i.resolution}`, { intent: "progress", note: v(), percent: v() }),
  },
  {
    name: "calendar.add",
    weight: 6,
    run: (c, _i, v) => c.post("/admin/calendar", { intent: "add", date: v(), title: v() }),
  },
  {
    name: "minutes.draft",
    weight: 8,
    run: (c, i, v) =>
      c.postJson(`/meetings/${i.draft}/draft`, {
        doc: {
          date: v(),
          summary: v(),
          resolutions: [{ subject: v(), owners: [{ kind: v(), id: v(), label: v() }], timeframeKind: v() }],
          agenda: v(),
        },
        version: v(),
        saveId: v(),
      }),
  },
  {
    name: "overdue.query",
    weight: 6,
    run: (c, _i, v) =>
      c.get(
        `/overdue?${new URLSearchParams({ q: v(), body: v(), from: v(), to: v(), minDays: v(), sort: v(), dir: v(), page: v(), size: v() })}`,
      ),
  },
  { name: "people.search", weight: 4, run: (c, _i, v) => c.get(`/people?${new URLSearchParams({ q: v() })}`) },
  {
    name: "users.create",
    weight: 4,
    run: (c, _i, v) =>
      c.post("/admin/users", { intent: "create", username: v(), role: v(), personId: v(), password: v() }),
  },
  {
    // An account that does not exist: the demo accounts other suites sign in with keep their passwords.
    name: "users.change",
    weight: 2,
    run: (c, _i, v) => c.post("/admin/users", { intent: v(), userId: "999999", role: v(), password: v() }),
  },
  {
    name: "account.password",
    weight: 1,
    run: (c, _i, v) => c.post("/account/sessions", { intent: "password", currentPassword: v(), newPassword: v() }),
  },
];

export async function fuzz(origin: string, dbPath: string, total: number, ids: FuzzIds, seed = 1404) {
  const admin = await new Client(origin).signIn("admin", "admin-demo-1404");
  const counter = new Database(dbPath, { readonly: true });
  const changes = () => (counter.prepare("select n from fuzz_changes").get() as { n: number }).n;
  const weights = TARGETS.reduce((s, t) => s + t.weight, 0);
  let inputs = 0;
  let serverErrors = 0;
  let rowsChangedOnRejected = 0;
  const failures: string[] = [];
  const values = fc.sample(nasty, { numRuns: total * 8, seed });
  let cursor = 0;
  const v = () => values[cursor++ % values.length];
  for (const target of TARGETS) {
    const runs = Math.ceil((total * target.weight) / weights);
    for (let i = 0; i < runs; i++) {
      const before = changes();
      const response = await target.run(admin, ids, v);
      const body = await response.text();
      inputs++;
      if (response.status >= 500) {
        serverErrors++;
        if (failures.length < 5) failures.push(`${target.name}: ${response.status} ${body.slice(0, 120)}`);
      } else if (response.status >= 400 && changes() !== before) {
        rowsChangedOnRejected++;
        if (failures.length < 5) failures.push(`${target.name}: rejected with ${response.status} but rows changed`);
      }
    }
  }
  counter.close();
  return { inputs, serverErrors, rowsChangedOnRejected, failures };
}
