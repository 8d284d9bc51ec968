/**
 * Every route × role × own/other record: what the server lets through, against the access policy below.
 * "Allowed" means 2xx, or a redirect that is not to sign-in; 400/409 count as allowed (the permission check passed and
 * validation answered). The figure that must stay 0 is unexpected_allows.
 */
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { registerSqlClock } from "../../app/utils/clock.server";
import { Client } from "./server";

type Role = "anon" | "member" | "chair" | "secretariat" | "admin";
type Which = "own" | "other" | "-";
const ROLES: Role[] = ["anon", "member", "chair", "secretariat", "admin"];
const STAFF = new Set<Role>(["secretariat", "admin"]);
const PASSWORDS: Record<Exclude<Role, "anon">, string> = {
  member: "member-demo-1404",
  chair: "chair-demo-1404",
  secretariat: "secretariat-demo-1404",
  admin: "admin-demo-1404",
};

type RouteNode = { id: string; path?: string; index?: boolean; children?: RouteNode[] };
function routeTable(): { id: string; path: string }[] {
  const tree = JSON.parse(execFileSync("npx", ["remix", "routes", "--json"], { encoding: "utf8" })) as RouteNode[];
  const out: { id: string; path: string }[] = [];
  const walk = (nodes: RouteNode[], prefix: string) => {
    for (const n of nodes) {
      const p = [prefix, n.path ?? ""].filter(Boolean).join("/");
      if (n.id !== "root") out.push({ id: n.id, path: `/${p}` });
      if (n.children) walk(n.children, p);
    }
  };
  walk(tree, "");
  return out;
}

/** An ended seat in every body, so "end membership" can be tried without changing anything. */
function addEndedSeats(dbPath: string) {
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 5000");
  registerSqlClock(db);
  db.prepare(
    "insert into memberships (person_id, body_id, role, start_date, end_date) select (select min(id) from people), id, 'member', '2020-01-01', '2020-12-31' from bodies",
  ).run();
  // An issued report (its PDF a stand-in) for the report routes.
  db.prepare(
    "insert into reports (kind, year, period, status, number, issued_at, pdf_blob, sha256) values ('quarterly', 1404, 4, 'issued', '1404-Q4-1', '2026-03-20T00:00:00Z', ?, 'x')",
  ).run(Buffer.from("%PDF-1.4 matrix"));
  // A document on every resolution, so /documents/:id is read as the resolution is.
  for (const { id } of db.prepare("select id from resolutions").all() as { id: number }[]) {
    const doc = db
      .prepare(
        "insert into documents (entity, entity_id, file_name, file_type, size, sha256, created_at) values ('resolution', ?, 'matrix.pdf', 'pdf', 15, 'x', '2026-03-20T00:00:00Z') returning id",
      )
      .get(id) as { id: number };
    db.prepare("insert into document_contents (document_id, bytes) values (?, ?)").run(
      doc.id,
      Buffer.from("%PDF-1.4 matrix"),
    );
  }
  db.close();
}

/** Record ids each role owns, and ones it does not, from the seeded database. */
function records(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  const one = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { id: number } | undefined)?.id ?? 0;
  const personOf = (u: string) => one("select person_id id from users where username = ?", u);
  const table: Record<string, Record<Exclude<Role, "anon">, { own: number; other: number }>> = {};
  const set = (param: string, role: Exclude<Role, "anon">, own: number, other: number) => {
    table[param] ??= {} as (typeof table)[string];
    table[param][role] = { own, other };
  };
  for (const role of ["member", "chair", "secretariat", "admin"] as const) {
    const p = personOf(role);
    const ownBody = one(
      "select body_id id from memberships where person_id = ? and body_id is not null order by body_id desc",
      p,
    );
    const otherBody = one(
      "select id from bodies where id not in (select body_id from memberships where person_id = ? and body_id is not null) order by id desc",
      p,
    );
    set("bodyId", role, ownBody, otherBody);
    set(
      "groupId",
      role,
      one("select working_group_id id from memberships where person_id = ? and working_group_id is not null", p) ||
        one("select id from working_groups"),
      one(
        "select id from working_groups where id not in (select working_group_id from memberships where person_id = ? and working_group_id is not null) order by id desc",
        p,
      ),
    );
    set("personId", role, p, one("select id from people where id <> ? order by id desc", p));
    const ownMeeting =
      one(
        "select m.id from meetings m where m.status = 'final' and m.body_id in (select body_id from memberships where person_id = ?) order by m.id",
        p,
      ) || one("select id from meetings where status = 'final' order by id");
    // Not one of their bodies, and no resolution of it assigned to them (those minutes they may read).
    const otherMeeting = one(
      "select m.id from meetings m where m.status = 'final' and m.body_id not in (select body_id from memberships where person_id = ? and body_id is not null) and m.id not in (select r.meeting_id from resolutions r join resolution_owners o on o.resolution_id = r.id where o.person_id = ?) order by m.id",
      p,
      p,
    );
    set("meetingId", role, ownMeeting, otherMeeting);
    set("edition", role, 1, 1);
    const ownRes = one(
      "select r.id from resolutions r join resolution_owners o on o.resolution_id = r.id where o.person_id = ? or o.body_id in (select body_id from memberships where person_id = ?) order by r.id",
      p,
      p,
    );
    const otherRes = one(
      "select r.id from resolutions r join meetings m on m.id = r.meeting_id where m.body_id not in (select body_id from memberships where person_id = ? and body_id is not null) and r.id not in (select resolution_id from resolution_owners where person_id = ? or body_id in (select body_id from memberships where person_id = ?) or working_group_id in (select working_group_id from memberships where person_id = ?)) order by r.id",
      p,
      p,
      p,
      p,
    );
    set("resolutionId", role, ownRes, otherRes);
    const docOf = (resolutionId: number) =>
      one("select id from documents where entity = 'resolution' and entity_id = ?", resolutionId);
    set("documentId", role, docOf(ownRes), docOf(otherRes));
    const organisation = one("select id from organisations order by id");
    set("organisationId", role, organisation, organisation);
    const self = one("select id from users where username = ?", role);
    set("self", role, self, self);
    const isCommittee = (bodyId: number) => one("select 1 id from bodies where id = ? and kind = 'committee'", bodyId);
    const chairs = (bodyId: number) =>
      one(
        "select 1 id from memberships where body_id = ? and person_id = ? and role = 'chair' and end_date is null",
        bodyId,
        p,
      );
    set(
      "committeeOk",
      role,
      isCommittee(ownBody) && (role === "secretariat" || role === "admin" || chairs(ownBody)) ? 1 : 0,
      isCommittee(otherBody) && (role === "secretariat" || role === "admin" || chairs(otherBody)) ? 1 : 0,
    );
    const groupCommittee = (groupId: number) => one("select committee_id id from working_groups where id = ?", groupId);
    set(
      "groupOk",
      role,
      role === "secretariat" || role === "admin" || chairs(groupCommittee(table.groupId[role].own)) ? 1 : 0,
      role === "secretariat" || role === "admin" || chairs(groupCommittee(table.groupId[role].other)) ? 1 : 0,
    );
    set(
      "endedSeat",
      role,
      one("select id from memberships where body_id = ? and end_date is not null", ownBody),
      one("select id from memberships where body_id = ? and end_date is not null", otherBody),
    );
    // Whether the role leads (chairs or is secretary of) the body that passed its "own" resolution.
    set(
      "leadsOwn",
      role,
      one(
        "select 1 id from resolutions r join meetings m on m.id = r.meeting_id join memberships s on s.body_id = m.body_id where r.id = ? and s.person_id = ? and s.role <> 'member'",
        ownRes,
        p,
      ),
      0,
    );
  }
  const draftMeeting = one("select id from meetings where status = 'draft'");
  const report = one("select id from reports where status = 'issued'");
  for (const role of ["member", "chair", "secretariat", "admin"] as const) set("reportId", role, report, report);
  // Data sets are read by everyone with a seat (every demo account has one) and changed by the secretariat and the
  // following committee's chair and secretary (no demo chair or member leads the data-supply committee).
  const dataSet = one("select id from data_sets order by id");
  for (const role of ["member", "chair", "secretariat", "admin"] as const) set("dataSetId", role, dataSet, dataSet);
  db.close();
  return { table, draftMeeting };
}

/** The access policy, written out: may this role read this page (for its own record, or another's)? */
function mayRead(id: string, role: Role, which: Which): boolean {
  if (["routes/login", "routes/healthz", "routes/language", "routes/logout"].includes(id)) return true;
  // Only a sign-in half-way (password right, code awaited) opens it; the matrix's visitors are never half-way.
  if (id === "routes/login_.code") return false;
  if (role === "anon") return false;
  // A path with only an action (its GET is a 404 for everyone signed in).
  if (id === "routes/$" || id === "routes/documents") return false;
  // A calendar feed opens with its secret key only, never with a session (the matrix sends none).
  if (id === "routes/calendar[.]ics") return false;
  // A draft's saved state is read by those who may type the minutes.
  if (id === "routes/meetings.$meetingId_.draft") return STAFF.has(role);
  if (id.startsWith("routes/admin.")) return role === "admin";
  // The leadership dashboard: the secretariat and the HQ's leadership (no demo chair or member sits in the HQ).
  if (id === "routes/dashboard") return STAFF.has(role);
  if (
    [
      "routes/bodies.new",
      "routes/bodies.$bodyId_.edit",
      "routes/people.new",
      "routes/people.$personId_.edit",
      "routes/organisations.new",
      "routes/organisations.$organisationId_.edit",
    ].includes(id)
  )
    return STAFF.has(role);
  if (id === "routes/meetings.$meetingId_.edit" || id === "routes/meetings.import") return STAFF.has(role);
  // A body's recurring meetings are read as its meetings are.
  if (id === "routes/bodies.$bodyId_.series") return STAFF.has(role) || which === "own";
  // The only report in the matrix database is issued; there is no draft to preview.
  if (id.startsWith("routes/reports.$reportId_.preview")) return false;
  if (["routes/reports._index", "routes/reports.$reportId", "routes/reports.$reportId_.pdf"].includes(id))
    return STAFF.has(role);
  if (
    [
      "routes/meetings.$meetingId",
      "routes/meetings.$meetingId_.pdf",
      "routes/meetings.$meetingId_.editions.$edition",
      // The sign-off request mail's link: to the meeting page's sign-off panel, for those who may read the meeting.
      "routes/meetings.$meetingId_.signoff",
      "routes/resolutions.$resolutionId",
      // A resolution's documents are read as the resolution is.
      "routes/documents.$documentId",
    ].includes(id)
  ) {
    return STAFF.has(role) || which === "own";
  }
  return true;
}

type PostCell = {
  id: string;
  url: (r: Ids) => string;
  form?: Record<string, string>;
  formOf?: (x: Ids) => Record<string, string>;
  json?: unknown;
  allowed: (role: Role, which: Which, ids: Ids) => boolean;
};
type Ids = {
  bodyId: number;
  groupId: number;
  personId: number;
  meetingId: number;
  resolutionId: number;
  dataSetId: number;
  draft: number;
  self: number;
  leadsOwn: number;
  committeeOk: number;
  groupOk: number;
  endedSeat: number;
};

const POSTS: PostCell[] = [
  { id: "bodies.new", url: () => "/bodies/new", form: { name: "", kind: "committee" }, allowed: (r) => STAFF.has(r) },
  { id: "bodies.edit", url: (x) => `/bodies/${x.bodyId}/edit`, form: { name: "" }, allowed: (r) => STAFF.has(r) },
  {
    // Those who keep the body's minutes (the secretariat, the body's secretary) set its series; an empty form changes nothing.
    id: "bodies.series",
    url: (x) => `/bodies/${x.bodyId}/series`,
    form: { intent: "save" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "bodies.add-member",
    url: (x) => `/bodies/${x.bodyId}`,
    form: { intent: "add-member", personId: "" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "bodies.end-membership",
    url: (x) => `/bodies/${x.bodyId}`,
    formOf: (x) => ({ intent: "end-membership", membershipId: String(x.endedSeat) }),
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "bodies.create-group",
    url: (x) => `/bodies/${x.bodyId}`,
    form: { intent: "create-group", name: "" },
    allowed: (_r, _w, x) => x.committeeOk === 1,
  },
  {
    id: "groups.add-member",
    url: (x) => `/groups/${x.groupId}`,
    form: { intent: "add-member", personId: "" },
    allowed: (_r, _w, x) => x.groupOk === 1,
  },
  {
    id: "groups.edit",
    url: (x) => `/groups/${x.groupId}`,
    form: { intent: "edit-group", name: "" },
    allowed: (_r, _w, x) => x.groupOk === 1,
  },
  { id: "people.new", url: () => "/people/new", form: { honorific: "mr", lastName: "" }, allowed: (r) => STAFF.has(r) },
  {
    id: "people.edit",
    url: (x) => `/people/${x.personId}/edit`,
    form: { honorific: "mr", lastName: "" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "meetings.correction",
    url: (x) => `/meetings/${x.draft}`,
    form: { intent: "start-correction" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "meetings.finalise",
    url: (x) => `/meetings/${x.draft}/edit`,
    form: { intent: "finalise", version: "-1" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "meetings.draft",
    url: (x) => `/meetings/${x.draft}/draft`,
    json: { doc: {}, version: -1, saveId: "matrix-check-0000" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "resolutions.progress",
    url: (x) => `/resolutions/${x.resolutionId}`,
    form: { intent: "progress", note: "" },
    allowed: (r, w) => STAFF.has(r) || (r !== "anon" && w === "own"),
  },
  {
    id: "resolutions.extend",
    url: (x) => `/resolutions/${x.resolutionId}`,
    form: { intent: "extend", date: "bad", note: "" },
    allowed: (r, w, x) => STAFF.has(r) || (w === "own" && x.leadsOwn === 1),
  },
  {
    id: "admin.users",
    url: () => "/admin/users",
    formOf: (x) => ({ userId: String(x.self), intent: "disable" }),
    allowed: (r) => r === "admin",
  },
  {
    id: "admin.calendar",
    url: () => "/admin/calendar",
    form: { intent: "add", date: "bad", title: "" },
    allowed: (r) => r === "admin",
  },
  {
    id: "admin.outbox",
    url: () => "/admin/outbox",
    form: { intent: "days", days: "bad" },
    allowed: (r) => r === "admin",
  },
  { id: "notifications", url: () => "/notifications", form: { id: "999999" }, allowed: (r) => r !== "anon" },
  {
    id: "reports._index",
    url: () => "/reports?index",
    form: { kind: "quarterly", year: "x", period: "9" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "supply.new",
    url: () => "/supply?index",
    form: { name: "" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "supply.change",
    url: (x) => `/supply/${x.dataSetId}`,
    form: { intent: "change", date: "bad" },
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "supply.weekly",
    url: () => "/supply/weekly",
    form: { committeeId: "" },
    // The secretariat account is the secretariat body's secretary: a secretary of any body may try (the council's
    // minutes are checked on sending).
    allowed: (r) => STAFF.has(r),
  },
  {
    id: "reports.save",
    url: () => "/reports/1",
    form: { intent: "save", coverText: "" },
    allowed: (r) => STAFF.has(r),
  },
];

const allowedStatus = (r: Response) => {
  if (r.status >= 300 && r.status < 400) return !(r.headers.get("location") ?? "").startsWith("/login");
  return r.status < 300 || r.status === 400 || r.status === 409;
};

export async function accessMatrix(origin: string, dbPath: string) {
  addEndedSeats(dbPath);
  const { table, draftMeeting } = records(dbPath);
  // The route table first: `remix routes` can take longer than the server keeps an idle connection (5 s) on a busy
  // machine, and a first request on a connection the server just closed fails ("other side closed").
  const routes = routeTable();
  const clients: Record<Role, Client> = { anon: new Client(origin) } as Record<Role, Client>;
  for (const role of ["member", "chair", "secretariat", "admin"] as const)
    clients[role] = await new Client(origin).signIn(role, PASSWORDS[role]);
  let cells = 0;
  const unexpected: string[] = [];
  const missed: string[] = [];
  for (const role of ROLES) {
    for (const which of ["own", "other"] as const) {
      const ids = (param: string) =>
        role === "anon" ? (table[param]?.member?.[which] ?? 1) : table[param][role][which];
      for (const route of routes) {
        const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
        if (params.length === 0 && which === "other") continue;
        const url = route.path
          .replace(/:([A-Za-z]+)/g, (_, p: string) => String(ids(p)))
          .replace(/\*$/, "no-such-page");
        const response = await clients[role].get(url);
        await response.arrayBuffer();
        cells++;
        const got = allowedStatus(response);
        const want = mayRead(route.id, role, params.length ? which : "-");
        if (got && !want) unexpected.push(`GET ${url} as ${role} (${which}): ${response.status}`);
        if (!got && want) missed.push(`GET ${url} as ${role} (${which}): ${response.status}`);
      }
      for (const post of POSTS) {
        const x: Ids = {
          bodyId: ids("bodyId"),
          groupId: ids("groupId"),
          personId: ids("personId"),
          meetingId: ids("meetingId"),
          resolutionId: ids("resolutionId"),
          dataSetId: ids("dataSetId"),
          draft: draftMeeting,
          self: ids("self"),
          leadsOwn: role === "anon" ? 0 : table.leadsOwn[role][which],
          committeeOk: role === "anon" ? 0 : table.committeeOk[role][which],
          groupOk: role === "anon" ? 0 : table.groupOk[role][which],
          endedSeat: ids("endedSeat"),
        };
        const response = post.json
          ? await clients[role].postJson(post.url(x), post.json)
          : await clients[role].post(post.url(x), post.formOf?.(x) ?? post.form ?? {});
        await response.arrayBuffer();
        cells++;
        const got = allowedStatus(response);
        const want = post.allowed(role, which, x);
        if (got && !want)
          unexpected.push(
            `POST ${post.id} as ${role} (${which}): ${response.status} ${response.headers.get("location") ?? ""}`,
          );
        if (!got && want) missed.push(`POST ${post.id} as ${role} (${which}): ${response.status}`);
      }
    }
  }
  return { cells, unexpected, missed };
}
