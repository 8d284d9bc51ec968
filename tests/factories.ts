/** Test data with sensible defaults, made through the models (unit tests, on their own in-memory database). */
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { scopeFor } from "../app/models/access.server";
import { createBody } from "../app/models/bodies.server";
import { saveDraft } from "../app/models/drafts.server";
import { finaliseMeeting } from "../app/models/finalise-meeting.server";
import { createMeeting, getMeeting } from "../app/models/meetings.server";
import { addMembership, type MembershipTarget } from "../app/models/memberships.server";
import { createPerson } from "../app/models/people.server";
import { createWorkingGroup } from "../app/models/working-groups.server";
import * as clock from "../app/utils/clock.server";
import { db } from "../app/utils/db.server";
import { addDays, formatJalali } from "../app/utils/jalali";
import { resolutions, users } from "../db/schema";
import { STAFF } from "./scopes";

export const actor = { userId: null };
let seq = 0;
const next = () => ++seq;

export function makeBody(kind: "headquarters" | "council" | "committee", parentId: number | null = null) {
  return createBody(actor, {
    name: `${kind === "committee" ? "کمیته" : kind === "council" ? "شورا" : "ستاد"} ${next()}`,
    code: "",
    kind,
    parentId,
    isExternal: false,
    active: true,
    duties: "",
  });
}

export function makeGroup(committeeId: number) {
  return createWorkingGroup(actor, committeeId, { name: `کارگروه ${next()}`, duties: "" });
}

export function makePerson(lastName = "نفر") {
  return createPerson(actor, {
    honorific: "mr",
    title: null,
    firstName: "",
    lastName: `${lastName} ${next()}`,
    organisation: "",
    position: "",
    email: "",
    mobile: "",
  });
}

export function seat(personId: number, target: MembershipTarget, role: "chair" | "secretary" | "member" = "member") {
  return addMembership(actor, target, {
    personId,
    role,
    startDate: null,
    endDate: null,
    letterNumber: "",
    letterDate: null,
  });
}

/** An account for the person, and its scope as a request would build it (after the person's seats). */
export function signedIn(personId: number | null, role: "admin" | "secretariat" | "chair" | "member" = "member") {
  const id = db
    .insert(users)
    .values({ username: `u${next()}`, passwordHash: "x", role, personId })
    .returning({ id: users.id })
    .get().id;
  return scopeFor({ id, role, personId });
}

type Item = {
  subject: string;
  owners: { kind: "body" | "person" | "group" | "organisation"; id: number }[];
  days?: number;
};

/**
 * A final meeting of a body (or, with `workingGroupId`, of that working group of the committee) held `daysAgo` days
 * before `from` (today), passing the given resolutions; its members present but those in `absentPersonIds`.
 */
export function finalMeeting(
  bodyId: number,
  daysAgo: number,
  items: Item[],
  from = clock.today(),
  workingGroupId: number | null = null,
  absentPersonIds: number[] = [],
) {
  const id = createMeeting(actor, bodyId, { workingGroupId });
  const m = getMeeting(STAFF, id)!;
  const saved = saveDraft(actor, id, {
    version: m.meeting.version,
    saveId: `s${next()}`,
    doc: {
      ...m.doc,
      date: formatJalali(addDays(from, -daysAgo), "en"),
      agenda: [{ key: "a", title: "دستور", discussion: "" }],
      attendance: m.doc.attendance.map((a) => ({
        ...a,
        status:
          a.personId !== null && absentPersonIds.includes(a.personId) ? ("absent" as const) : ("present" as const),
      })),
      resolutions: items.map((i, n) => ({
        key: `r${n}`,
        subject: i.subject,
        owners: i.owners.map((o) => ({ ...o, label: "" })),
        timeframeKind: i.days ? "days" : "standing",
        timeframeCount: String(i.days ?? ""),
        timeframeDate: "",
        timeframeText: "",
      })),
    },
  });
  assert.ok(saved.ok);
  finaliseMeeting(actor, id, { version: saved.version });
  return { meetingId: id, resolutions: db.select().from(resolutions).where(eq(resolutions.meetingId, id)).all() };
}
