import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { registerSqlClock } from "../../app/utils/clock.server";
import { tehranDay } from "../../app/utils/jalali";
import { hashPassword } from "../../app/utils/password.server";
import { DATABASE_PATH, E2E_CLOCK } from "../playwright.config";
import { signInAs } from "./helpers";

const dbFile = new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname;
function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 5000");
  registerSqlClock(db);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

test("a working-group member reads the resolutions their committee passed, as they read its meetings", async ({
  page,
}) => {
  const username = `wg${Date.now().toString(36)}`;
  const password = "group-member-1405";
  const hash = await hashPassword(password);
  // A person seated only in a working group of the data-supply committee, with an account of their own.
  const { committee, ownResolution, otherResolution, meetingId } = withDb((db) => {
    const committee = (db.prepare("select id from bodies where name = 'کمیته تامین داده'").get() as { id: number }).id;
    const group = db
      .prepare("insert into working_groups (committee_id, name) values (?, ?) returning id")
      .get(committee, `کارگروه ${username}`) as { id: number };
    const person = db
      .prepare("insert into people (honorific, last_name) values ('ms', ?) returning id")
      .get(`عضو ${username}`) as { id: number };
    db.prepare("insert into memberships (person_id, working_group_id) values (?, ?)").run(person.id, group.id);
    db.prepare("insert into users (username, password_hash, role, person_id) values (?, ?, 'member', ?)").run(
      username,
      hash,
      person.id,
    );
    const passed = (bodyId: number, same: boolean) =>
      db
        .prepare(
          `select r.id, r.meeting_id meetingId from resolutions r join meetings m on m.id = r.meeting_id
           where m.status = 'final' and m.body_id ${same ? "=" : "<>"} ? and not exists
           (select 1 from resolution_owners o where o.resolution_id = r.id and o.body_id = ?) order by r.id limit 1`,
        )
        .get(bodyId, bodyId) as { id: number; meetingId: number };
    const own = passed(committee, true);
    return { committee, ownResolution: own.id, meetingId: own.meetingId, otherResolution: passed(committee, false).id };
  });
  expect(committee).toBeGreaterThan(0);

  const signedIn = await page.request.post("/login", {
    form: { username, password, redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(302);
  const meeting = await page.goto(`/meetings/${meetingId}`);
  expect(meeting?.status()).toBe(200);
  // Before one scope held for every page, the meeting opened but its resolutions answered 404.
  const resolution = await page.goto(`/resolutions/${ownResolution}`);
  expect(resolution?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("مصوبه");
  const other = await page.goto(`/resolutions/${otherResolution}`);
  expect(other?.status()).toBe(404);
});

test("a chair's owner filter on the overdue review names only the owners of what they review", async ({ page }) => {
  const today = tehranDay(new Date(E2E_CLOCK));
  const { inReview, outside } = withDb((db) => {
    const chair = (db.prepare("select person_id id from users where username = 'chair'").get() as { id: number }).id;
    const owners = (led: boolean) =>
      (
        db
          .prepare(
            `select distinct p.last_name name from resolution_owners o join people p on p.id = o.person_id
             join resolutions r on r.id = o.resolution_id join meetings m on m.id = r.meeting_id
             where m.status = 'final' and r.status in ('open', 'in_progress') and r.due_date < ? and m.body_id ${led ? "in" : "not in"}
             (select body_id from memberships where person_id = ? and role in ('chair', 'secretary') and body_id is not null and end_date is null)`,
          )
          .all(today, chair) as { name: string }[]
      ).map((r) => r.name);
    const inReview = owners(true);
    return { inReview, outside: owners(false).filter((name) => !inReview.includes(name)) };
  });
  // The seed has owners of overdue items outside the chair's bodies, or this test could not fail.
  expect(outside.length).toBeGreaterThan(0);

  await signInAs(page, "chair");
  await page.goto("/overdue");
  const options = (await page.getByLabel("شخص متولی").locator("option").allTextContents()).slice(1);
  expect(options).toHaveLength(inReview.length);
  for (const name of outside) expect(options.some((o) => o.includes(name))).toBe(false);
  for (const name of inReview) expect(options.some((o) => o.includes(name))).toBe(true);
});

test("a seat that has ended stops granting its powers: the committee's resolutions and their notices disappear", async ({
  page,
  browser,
}) => {
  const username = `seat${Date.now().toString(36)}`;
  const password = "ended-seat-member-1405";
  const hash = await hashPassword(password);
  // One Persian word: the directory's sort test reads the last word of each name.
  const lastName = `پیشین${[...String(Date.now()).slice(-6)].map((d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]).join("")}`;
  const { resolutionId, subject, bodyId, draftId } = withDb((db) => {
    const bodyId = (db.prepare("select id from bodies where name = 'کمیته تامین داده'").get() as { id: number }).id;
    const person = db
      .prepare("insert into people (honorific, last_name) values ('ms', ?) returning id")
      .get(lastName) as { id: number };
    db.prepare("insert into memberships (person_id, body_id, role) values (?, ?, 'member')").run(person.id, bodyId);
    // The same person is appointed the committee's secretary from a later date: no power over its minutes yet.
    db.prepare("insert into memberships (person_id, body_id, role, start_date) values (?, ?, 'secretary', ?)").run(
      person.id,
      bodyId,
      "2027-03-21",
    );
    const user = db
      .prepare("insert into users (username, password_hash, role, person_id) values (?, ?, 'member', ?) returning id")
      .get(username, hash, person.id) as { id: number };
    const r = db
      .prepare(
        `select r.id, r.subject from resolutions r join meetings m on m.id = r.meeting_id
         where m.status = 'final' and m.body_id = ? order by r.id limit 1`,
      )
      .get(bodyId) as { id: number; subject: string };
    db.prepare("insert into notifications (user_id, kind, resolution_id) values (?, 'assigned', ?)").run(user.id, r.id);
    const draft = db.prepare("select id from meetings where body_id = ? and status = 'draft' limit 1").get(bodyId) as
      | { id: number }
      | undefined;
    return { resolutionId: r.id, subject: r.subject, bodyId, draftId: draft?.id };
  });

  const member = await browser.newPage();
  const signedIn = await member.request.post("/login", {
    form: { username, password, redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(302);
  await member.goto("/notifications");
  await expect(member.getByRole("main")).toContainText(subject.slice(0, 30));
  expect((await member.goto(`/resolutions/${resolutionId}`))?.status()).toBe(200);
  if (draftId) expect((await member.goto(`/meetings/${draftId}/edit`))?.status()).toBe(403);

  // The admin ends the seat today, as the body's page offers.
  await signInAs(page, "admin");
  await page.goto(`/bodies/${bodyId}`);
  page.once("dialog", (d) => d.accept());
  // The member's row, by the person's own link and role (every row's letter form lists the other people too).
  const seat = page
    .getByRole("table", { name: "اعضا", exact: true })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: new RegExp(lastName) }) })
    .filter({ has: page.getByRole("cell", { name: "عضو", exact: true }) });
  await seat.getByRole("button", { name: /پایان عضویت/ }).click();
  await expect(seat.getByRole("button", { name: /پایان عضویت/ })).toHaveCount(0);

  await member.goto("/notifications");
  await expect(member.getByRole("main")).not.toContainText(subject.slice(0, 30));
  await expect(member.getByRole("link", { name: /اعلان/ }).first()).not.toContainText(/[۱-۹]/);
  expect((await member.goto(`/resolutions/${resolutionId}`))?.status()).toBe(404);
  await member.close();
});
