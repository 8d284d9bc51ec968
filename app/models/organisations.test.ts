import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { attendance, organisations, people, resolutionOwners } from "../../db/schema";
import { actor, finalMeeting, makeBody, makePerson, signedIn } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import { FinalisationError } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { quarterOf } from "../utils/jalali";
import { allCandidates, guessOrganisationKind, matchOwner } from "../utils/owner-match";
import { RuleViolation } from "../utils/rules";
import { canReadMeeting } from "./access.server";
import { getAuditTrail } from "./audit.server";
import { createBody, listBodies } from "./bodies.server";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import { createMeeting, getEdition, getMeeting, previousGuestsOf } from "./meetings.server";
import { listMyActions } from "./my-actions.server";
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from "./organisations.server";
import { getOwnerOptions } from "./owner-options.server";
import { composeReport } from "./report-composition.server";
import { getResolution, ownerNames } from "./resolutions.server";

let seq = 0;
const org = (name: string, aliases = "", kind: "agency" | "province" | "institute" = "agency") =>
  createOrganisation(actor, { name: `${name}`, aliases, kind, active: true });

describe("outside organisations", () => {
  test("created with its aliases and audited; a second with the same name is refused beside the name", () => {
    const id = org("سازمان ثبت احوال کشور", "ثبت احوال\n  ثبت احوال  \nسازمان ثبت احوال کشور\n");
    const row = db.select().from(organisations).where(eq(organisations.id, id)).get()!;
    assert.equal(row.aliases, "ثبت احوال", "aliases trimmed, repeats and the name itself dropped");
    assert.equal(row.active, true);
    assert.equal(getAuditTrail(STAFF, "organisation", id)[0]?.action, "create");

    assert.throws(
      () => org("سازمان ثبت احوال کشور", "", "institute"),
      (e: unknown) => e instanceof RuleViolation && e.code === "organisation_name_taken" && e.field === "name",
    );
    const other = org(`پژوهشکده آمار ${++seq}`, "", "institute");
    assert.throws(
      () =>
        updateOrganisation(actor, other, { name: "سازمان ثبت احوال کشور", aliases: "", kind: "agency", active: true }),
      (e: unknown) => e instanceof RuleViolation && e.code === "organisation_name_taken",
    );
    assert.equal(
      db.select().from(organisations).where(eq(organisations.name, "سازمان ثبت احوال کشور")).all().length,
      1,
    );
  });

  test("the list is searched by name or alias on Persian-aware keys (Arabic ي and ك find ی and ک)", () => {
    org("وزارت آموزش و پرورش", "آموزش و پرورش");
    const found = listOrganisations(STAFF, { q: "آموزش" }).map((o) => o.name);
    assert.ok(found.includes("وزارت آموزش و پرورش"));
    assert.ok(listOrganisations(STAFF, { q: "پرورش" }).some((o) => o.name === "وزارت آموزش و پرورش"));
    org("استانداری کرمان", "استان کرمان", "province");
    assert.ok(listOrganisations(STAFF, { q: "كرمان" }).some((o) => o.name === "استانداری کرمان"));
    assert.equal(listOrganisations(STAFF, { q: "ناموجود" }).length, 0);
  });

  test("pasted owners match an organisation by its name or an alias; the kind is guessed from the name", () => {
    const id = org("معاونت طرح‌های آماری", "طرح های آماری");
    const candidates = allCandidates(getOwnerOptions());
    assert.ok(candidates.some((c) => c.kind === "organisation" && c.id === id));
    for (const label of ["معاونت طرح‌های آماری", "طرح های آماری", "معاونت طرح هاي آماري"]) {
      const m = matchOwner(label, candidates);
      assert.equal(m.status, "matched", label);
      assert.deepEqual(
        m.status === "matched" ? m.owners.map((o) => [o.kind, o.id]) : [],
        [["organisation", id]],
        label,
      );
    }
    assert.equal(guessOrganisationKind("استان فارس"), "province");
    assert.equal(guessOrganisationKind("شهرداری تهران"), "municipality");
    assert.equal(guessOrganisationKind("پژوهشکده آمار"), "institute");
    assert.equal(guessOrganisationKind("سازمان برنامه و بودجه"), "agency");
  });

  test("finalising writes an organisation as owner; the resolution, the owner names and the organisation show it", () => {
    const hq = makeBody("headquarters");
    const committee = makeBody("committee", hq);
    const id = org(`پژوهشکده آمار ${++seq}`, "", "institute");
    const person = makePerson("نماینده");
    const { resolutions } = finalMeeting(committee, 3, [
      { subject: "تهیه طرح نمونه‌گیری", owners: [{ kind: "organisation", id }], days: 14 },
    ]);
    const [r] = resolutions;
    const owners = db.select().from(resolutionOwners).where(eq(resolutionOwners.resolutionId, r.id)).all();
    assert.equal(owners.length, 1);
    assert.equal(owners[0].organisationId, id);
    assert.equal(owners[0].personId, null);
    const name = db.select().from(organisations).where(eq(organisations.id, id)).get()!.name;
    assert.deepEqual(ownerNames([r.id]).get(r.id), [name]);
    assert.deepEqual(getResolution(STAFF, r.id)?.owners, [name]);
    // The final minutes keep the organisation's name as it was.
    const edition = getEdition(STAFF, r.meetingId, 1);
    assert.equal(edition?.names.organisations?.[String(id)], name);

    const page = getOrganisation(STAFF, id)!;
    assert.deepEqual(
      page.resolutions.map((x) => x.subject),
      ["تهیه طرح نمونه‌گیری"],
    );
    // A member of no body reads nothing of it.
    assert.equal(getOrganisation(signedIn(person), id)!.resolutions.length, 0);
  });

  test("a guest carries their organisation into the final minutes and the next meeting; an unknown one is refused", () => {
    const hq = makeBody("headquarters");
    const committee = makeBody("committee", hq);
    const id = org(`استانداری گیلان ${++seq}`, "", "province");
    const meetingId = createMeeting(actor, committee);
    const m = getMeeting(STAFF, meetingId)!;
    const doc = {
      ...m.doc,
      date: "۱۴۰۳/۱۲/۲۵",
      agenda: [{ key: "a", title: "دستور", discussion: "" }],
      attendance: m.doc.attendance.map((a) => ({ ...a, status: "present" as const })),
    };
    const crafted = saveDraft(actor, meetingId, {
      version: m.meeting.version,
      saveId: `g${++seq}`,
      doc: { ...doc, guests: [{ name: "آقای رضایی", time: "", organisationId: 999_999 }] },
    });
    assert.ok(crafted.ok);
    assert.throws(
      () => finaliseMeeting(actor, meetingId, { version: crafted.version }),
      (e: unknown) => e instanceof FinalisationError && e.errors["guests.0.organisationId"] === "validation.choose",
    );
    const saved = saveDraft(actor, meetingId, {
      version: crafted.version,
      saveId: `g${++seq}`,
      doc: { ...doc, guests: [{ name: "آقای رضایی", time: "", organisationId: id }] },
    });
    assert.ok(saved.ok);
    finaliseMeeting(actor, meetingId, { version: saved.version });
    const guest = db
      .select()
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId))
      .all()
      .find((a) => a.status === "guest");
    assert.equal(guest?.organisationId, id);
    const name = db.select().from(organisations).where(eq(organisations.id, id)).get()!.name;
    assert.equal(getEdition(STAFF, meetingId, 1)?.names.organisations?.[String(id)], name);
    const next = createMeeting(actor, committee);
    assert.deepEqual(
      previousGuestsOf({ bodyId: committee, workingGroupId: null }, getMeeting(STAFF, next)!.meeting.number),
      [{ name: "آقای رضایی", time: "", organisationId: id }],
    );
  });

  test("a council outside the HQ needs no parent, is not drawn under the HQ and is left out of the HQ's report", () => {
    const hq = makeBody("headquarters");
    const committee = makeBody("committee", hq);
    const outside = createBody(actor, {
      name: `شورای عالی آمار استان ${++seq}`,
      code: "",
      kind: "council",
      parentId: null,
      outsideHq: true,
      isExternal: false,
      active: true,
      duties: "",
    });
    assert.equal(listBodies().find((b) => b.id === outside)?.outsideHq, true);
    assert.throws(
      () =>
        createBody(actor, {
          name: `ستاد بیرونی ${++seq}`,
          code: "",
          kind: "headquarters",
          parentId: null,
          outsideHq: true,
          isExternal: false,
          active: true,
          duties: "",
        }),
      (e: unknown) => e instanceof RuleViolation && e.code === "hqNotOutside",
    );
    const today = clock.today();
    const before = composeReport({ kind: "quarterly", ...period(today) }, today);
    finalMeeting(outside, 0, [{ subject: "مصوبه شورای بیرونی", owners: [{ kind: "body", id: outside }], days: 7 }]);
    finalMeeting(committee, 0, [{ subject: "مصوبه کمیته", owners: [{ kind: "body", id: committee }], days: 7 }]);
    const after = composeReport({ kind: "quarterly", ...period(today) }, today);
    assert.equal(after.totals.passed - before.totals.passed, 1, "only the HQ committee's resolution counts");
    assert.equal(after.meetingsHeld - before.meetingsHeld, 1);
    assert.ok(!after.sections.some((b) => b.bodyId === outside));
    assert.ok(after.sections.some((b) => b.bodyId === committee));
  });
});

function period(today: string) {
  const q = quarterOf(today);
  return { year: q.jy, period: q.quarter };
}

test("an agency's representative has its resolutions in «my actions», reads their minutes and reports on them", () => {
  const committee = makeBody("committee", makeBody("council", makeBody("headquarters")));
  const agency = org(`سازمان ثبت اسناد ${++seq}`);
  const other = org(`وزارت نیرو ${++seq}`);
  const { meetingId, resolutions } = finalMeeting(committee, 3, [
    { subject: "ارسال داده‌های املاک", owners: [{ kind: "organisation", id: agency }], days: 30 },
    { subject: "ارسال داده‌های برق", owners: [{ kind: "organisation", id: other }], days: 30 },
  ]);
  const person = makePerson("نماینده");
  db.update(people).set({ organisationId: agency }).where(eq(people.id, person)).run();
  const representative = signedIn(person, "member");
  assert.deepEqual(
    listMyActions(representative).rows.map((r) => r.subject),
    ["ارسال داده‌های املاک"],
  );
  assert.equal(getResolution(representative, resolutions[0].id)?.canUpdate, true);
  assert.equal(getResolution(representative, resolutions[1].id), null);
  assert.ok(canReadMeeting(representative, { id: meetingId, bodyId: committee }));
  assert.ok(!canReadMeeting(signedIn(makePerson("بیرونی"), "member"), { id: meetingId, bodyId: committee }));
  // Someone of no organisation, or of another, has none of it.
  assert.deepEqual(listMyActions(signedIn(makePerson("دیگری"), "member")).rows, []);
});
