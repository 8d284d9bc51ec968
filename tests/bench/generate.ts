/**
 * A ten-year data set for `npm run bench`, in its own database (BENCH_DATABASE_PATH, default data/bench.db):
 * the council meeting weekly, five committees every two weeks, twenty working groups monthly (their meetings are held
 * under their committee), BENCH_RESOLUTIONS resolutions (default 60,000) with owners and timeframes, about three
 * follow-ups each, 300 people, Persian text of realistic length. BENCH_PROVINCES adds that many provincial offices
 * (a committee each, meeting weekly), as the HQ with its 31 provinces. Written with prepared statements in one
 * transaction; the rules (caps, final minutes locked) hold as for any other data.
 */
import { existsSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";

const file = process.env.BENCH_DATABASE_PATH ?? "data/bench.db";
// A database made before the data-supply history (fewer data sets than asked for) is made again.
const stale = () => {
  try {
    const found = new Database(file, { readonly: true });
    const n = (found.prepare("select count(*) n from data_sets").get() as { n: number }).n;
    found.close();
    return n < Number(process.env.BENCH_DATA_SETS ?? 400);
  } catch {
    return true;
  }
};
if (existsSync(file) && !process.argv.includes("--regenerate") && stale()) {
  console.log(`bench database ${file} has no data-supply history: made again`);
  process.argv.push("--regenerate");
}
if (process.argv.includes("--regenerate")) for (const s of ["", "-wal", "-shm"]) rmSync(`${file}${s}`, { force: true });
if (existsSync(file) && !process.argv.includes("--regenerate")) {
  console.log(`bench database exists: ${file} (use --regenerate to build it again)`);
  process.exit(0);
}
process.env.DATABASE_PATH = file;
const target = Number(process.env.BENCH_RESOLUTIONS ?? 60_000);
const provinces = Number(process.env.BENCH_PROVINCES ?? 0);

const started = performance.now();
const { seed } = await import("../../db/seed");
const { db } = await import("../../app/utils/db.server");
const { addDays, formatJalali } = await import("../../app/utils/jalali");
const { computeDeadline } = await import("../../app/utils/timeframe");
const clock = await import("../../app/utils/clock.server");
const { getWorkCalendar } = await import("../../app/models/calendar.server");
const { searchKey } = await import("../../app/utils/normalize");
const { personSearchKey } = await import("../../app/utils/person-name");
const { toPersianDigits } = await import("../../app/utils/digits");
await seed();
const sqlite = db.$client;

// A fixed pseudo-random sequence, so every run builds the same data.
let state = 1404;
const rand = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const MEN = ["محمد", "علی", "حسین", "رضا", "مهدی", "امیر", "حمید", "سعید", "مجید", "جواد", "کامران"];
const WOMEN = ["فاطمه", "زهرا", "مریم", "سارا", "نرگس", "لیلا", "مینا", "الهام", "شیما", "پروین", "نسرین"];
const LAST = [
  "احمدی",
  "محمدی",
  "کریمی",
  "رضایی",
  "موسوی",
  "حسینی",
  "جعفری",
  "صادقی",
  "رحیمی",
  "کاظمی",
  "یزدانی",
  "پارسا",
  "چمنی",
  "گلستانی",
  "ژیان",
  "قاسمی",
  "نوروزی",
  "طاهری",
];
const ORGS = [
  "مرکز آمار ایران",
  "سازمان ثبت احوال کشور",
  "وزارت آموزش و پرورش",
  "وزارت ارتباطات و فناوری اطلاعات",
  "سازمان ثبت اسناد و املاک کشور",
  "شرکت ملی پست ایران",
];
const VERBS = [
  "تهیه و ارسال",
  "بررسی و اعلام نظر درباره",
  "پیگیری و گزارش",
  "نهایی کردن",
  "برگزاری جلسه هماهنگی برای",
  "تدوین شیوه‌نامه",
];
const TOPICS = [
  "ریزداده‌های ثبت احوال و تطبیق شماره ملی",
  "طرح آزمایش سرشماری در استان‌های پایلوت",
  "سند تبادل داده میان مرکز آمار و دستگاه‌های اجرایی",
  "برنامه زمان‌بندی سرشماری ثبتی مبنا ۱۴۰۵",
  "نقشه‌های محدوده‌های جغرافیایی و بلوک‌های آماری",
  "دوره‌های آموزشی کارشناسان دستگاه‌ها",
  "اتاق امن و دسترسی کاربران پایگاه اطلاعاتی",
  "کیفیت داده‌های آموزش و پرورش و آموزش عالی",
  "گزارش سه‌ماهه به رئیس ستاد",
  "اعتبار آموزش رده‌های اجرایی",
];
const subject = () => {
  const base = `${pick(VERBS)} ${pick(TOPICS)}`;
  return rand() < 0.5
    ? base
    : `${base}؛ مقرر شد ${pick(TOPICS)} نیز با همکاری ${pick(ORGS)} تا جلسه آینده ${pick(VERBS)} شود و نتیجه به دبیرخانه اعلام گردد.`;
};
const paragraph = (n: number) =>
  Array.from({ length: n }, () => `${pick(VERBS)} ${pick(TOPICS)} با حضور نمایندگان ${pick(ORGS)} مطرح شد.`).join(" ");

const tx = sqlite.transaction(() => {
  sqlite.exec("delete from meetings where status = 'draft'");
  const bodies = sqlite.prepare("select id, kind, name from bodies").all() as {
    id: number;
    kind: string;
    name: string;
  }[];
  const council = bodies.find((b) => b.kind === "council")!;
  const committees = bodies.filter((b) => b.kind === "committee");
  const insertBody = sqlite.prepare(
    "insert into bodies (kind, parent_id, name, code, sort_order) values ('committee', ?, ?, ?, ?)",
  );
  const offices = Array.from({ length: provinces }, (_, i) => {
    const name = `ستاد سرشماری استان ${toPersianDigits(i + 1)}`;
    const id = Number(insertBody.run(council.id, name, `استان${toPersianDigits(i + 1)}`, 100 + i).lastInsertRowid);
    return { id, kind: "committee", name };
  });
  bodies.push(...offices);
  const officeIds = new Set(offices.map((o) => o.id));

  // People: up to 300.
  const insertPerson = sqlite.prepare(
    "insert into people (honorific, first_name, last_name, organisation, position, search_key) values (?, ?, ?, ?, ?, ?)",
  );
  const havePeople = (sqlite.prepare("select count(*) n from people").get() as { n: number }).n;
  for (let i = havePeople; i < 300; i++) {
    // Every first name with every last name once (22 × 18 = 396 people at most), honorific matching the name.
    const first = [...MEN, ...WOMEN][Math.floor(i / LAST.length) % (MEN.length + WOMEN.length)];
    const p = {
      honorific: (MEN.includes(first) ? "mr" : "ms") as "mr" | "ms",
      title: null,
      firstName: first,
      lastName: LAST[i % LAST.length],
      organisation: pick(ORGS),
      position: "کارشناس",
    };
    insertPerson.run(p.honorific, p.firstName, p.lastName, p.organisation, p.position, personSearchKey(p));
  }
  const people = (sqlite.prepare("select id from people").all() as { id: number }[]).map((p) => p.id);
  const insertSeat = sqlite.prepare(
    "insert or ignore into memberships (person_id, body_id, working_group_id, role, start_date) values (?, ?, ?, ?, '2016-03-20')",
  );
  for (const c of [...committees, ...offices]) {
    const members = (sqlite.prepare("select count(*) n from memberships where body_id = ?").get(c.id) as { n: number })
      .n;
    for (let i = members; i < 6; i++) insertSeat.run(pick(people), c.id, null, "member");
  }

  // Working groups: four per committee (twenty in all), each with up to seven members.
  const insertGroup = sqlite.prepare("insert into working_groups (committee_id, name, duties) values (?, ?, '')");
  for (const c of committees) {
    const have = (
      sqlite
        .prepare("select count(*) n from working_groups where committee_id = ? and closed_at is null")
        .get(c.id) as { n: number }
    ).n;
    for (let i = have; i < 4; i++) {
      const gid = Number(insertGroup.run(c.id, `کارگروه ${toPersianDigits(i)} ${pick(TOPICS)}`).lastInsertRowid);
      for (let k = 0; k < 5; k++)
        insertSeat.run(people[(gid * 7 + k * 13) % people.length], null, gid, k === 0 ? "chair" : "member");
    }
  }
  const groups = sqlite
    .prepare("select id, committee_id committeeId from working_groups where closed_at is null")
    .all() as { id: number; committeeId: number }[];
  const membersOf = (bodyId: number) =>
    sqlite
      .prepare(
        "select distinct m.person_id id, p.last_name name from memberships m join people p on p.id = m.person_id where m.body_id = ? and m.end_date is null",
      )
      .all(bodyId) as { id: number; name: string }[];

  const today = clock.today();
  const start = addDays(today, -3652);
  const calendar = getWorkCalendar();
  const seifi = (sqlite.prepare("select id from people where last_name = 'سیفی'").get() as { id: number }).id;
  const dataCommittee = committees.find((c) => c.name === "کمیته تامین داده")!.id;

  const insertMeeting = sqlite.prepare(
    "insert into meetings (body_id, number, date, start_time, end_time, place, mode, status, summary, next_date, draft_json, created_at) values (?, ?, ?, '10:00', '12:00', 'سالن جلسات', 'in_person', 'draft', ?, ?, ?, ?)",
  );
  const insertAgenda = sqlite.prepare(
    "insert into agenda_items (meeting_id, position, title, discussion) values (?, ?, ?, ?)",
  );
  const insertReport = sqlite.prepare(
    "insert into committee_reports (meeting_id, agenda_item_id, body_id, position, text) values (?, ?, ?, ?, ?)",
  );
  const insertAttendance = sqlite.prepare(
    "insert into attendance (meeting_id, person_id, name, status, position) values (?, ?, ?, ?, ?)",
  );
  const insertResolution = sqlite.prepare(
    "insert into resolutions (meeting_id, number, subject, timeframe_kind, timeframe_count, due_date, status, done_date, search_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertOwner = sqlite.prepare(
    "insert into resolution_owners (resolution_id, body_id, working_group_id, person_id, label) values (?, ?, ?, ?, '')",
  );
  const insertFollowUp = sqlite.prepare(
    "insert into follow_ups (resolution_id, kind, note, percent, from_status, to_status, new_due_date, search_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const setSearchKey = sqlite.prepare("update resolutions set search_key = ? where id = ?");
  const insertEdition = sqlite.prepare(
    "insert into meeting_editions (meeting_id, edition, reason, snapshot_json) values (?, 1, '', ?)",
  );
  const finalise = sqlite.prepare("update meetings set status = 'final', finalized_at = ?, version = 2 where id = ?");
  const nextNumber = sqlite.prepare("select coalesce(max(number), 0) + 1 n from meetings where body_id = ?");
  const names = {
    bodies: Object.fromEntries(bodies.map((b) => [String(b.id), b.name])),
    groups: {} as Record<string, string>,
    people: {} as Record<string, string>,
  };

  const schedule: { bodyId: number; date: string; group?: number }[] = [];
  for (let d = start; d <= today; d = addDays(d, 7)) schedule.push({ bodyId: council.id, date: d });
  committees.forEach((c, i) => {
    for (let d = addDays(start, i + 1); d <= today; d = addDays(d, 14)) schedule.push({ bodyId: c.id, date: d });
  });
  offices.forEach((o, i) => {
    for (let d = addDays(start, i % 7); d <= today; d = addDays(d, 7)) schedule.push({ bodyId: o.id, date: d });
  });
  groups.forEach((g, i) => {
    for (let d = addDays(start, 3 + (i % 25)); d <= today; d = addDays(d, 30))
      schedule.push({ bodyId: g.committeeId, date: d, group: g.id });
  });
  schedule.sort((a, b) => a.date.localeCompare(b.date));

  let resolutionCount = 0;
  let followUpCount = 0;
  for (const [index, m] of schedule.entries()) {
    const number = (nextNumber.get(m.bodyId) as { n: number }).n;
    const members = membersOf(m.bodyId);
    const remaining = schedule.length - index;
    const count = Math.max(1, Math.round((target - resolutionCount) / remaining + (rand() - 0.5) * 6));
    const agendaTitles = [`گزارش اقدامات ${m.group ? "کارگروه" : "کمیته‌ها"}`, `بررسی ${pick(TOPICS)}`, "سایر موارد"];
    const resolutionsDoc = Array.from({ length: count }, (_, i) => ({
      key: `r${i}`,
      subject: subject(),
      owners: [] as { kind: string; id: number; label: string }[],
      timeframeKind: "",
      timeframeCount: "",
      timeframeDate: "",
      timeframeText: "",
    }));
    const doc = {
      date: formatJalali(m.date, "en"),
      startTime: "10:00",
      endTime: "12:00",
      place: "سالن جلسات",
      mode: "in_person",
      chairPersonId: null,
      secretaryPersonId: null,
      openingRemarks: "",
      summary: paragraph(between(4, 12)),
      agenda: agendaTitles.map((title, i) => ({ key: `a${i}`, title, discussion: paragraph(2) })),
      reports: [{ key: "k0", agendaKey: "a0", bodyId: pick(committees).id, text: paragraph(3) }],
      resolutions: resolutionsDoc,
      followUps: [],
      attendance: members.map((p) => ({
        personId: p.id,
        name: p.name,
        status: rand() < 0.85 ? "present" : "absent",
        substitute: "",
        time: "",
      })),
      guests: [],
      nextDate: formatJalali(addDays(m.date, 7), "en"),
      nextTime: "10:00",
      nextAgenda: [{ title: "ادامه بررسی" }],
    };
    const meetingId = Number(
      insertMeeting.run(m.bodyId, number, m.date, doc.summary, addDays(m.date, 7), "{}", `${m.date}T09:00:00.000Z`)
        .lastInsertRowid,
    );
    const agendaIds = agendaTitles.map((title, i) =>
      Number(insertAgenda.run(meetingId, i + 1, title, doc.agenda[i].discussion).lastInsertRowid),
    );
    insertReport.run(meetingId, agendaIds[0], doc.reports[0].bodyId, 1, doc.reports[0].text);
    for (const [i, a] of doc.attendance.entries()) insertAttendance.run(meetingId, a.personId, a.name, a.status, i + 1);
    const deadlines = [];
    const age = Math.floor((Date.parse(today) - Date.parse(m.date)) / 86_400_000);
    for (const [i, r] of resolutionsDoc.entries()) {
      const kind = pick(["weeks", "weeks", "weeks", "days", "standing"] as const);
      const n = kind === "weeks" ? between(1, 4) : kind === "days" ? between(3, 20) : null;
      r.timeframeKind = kind;
      r.timeframeCount = n ? String(n) : "";
      const deadline = computeDeadline(m.date, kind === "standing" ? { kind } : { kind, count: n! }, calendar);
      deadlines.push(deadline);
      // Older resolutions are mostly done; a few stay open past their deadline, as in life.
      const roll = rand();
      const status =
        age > 365
          ? roll < 0.96
            ? "done"
            : roll < 0.997
              ? "cancelled"
              : "in_progress"
          : age > 60
            ? roll < 0.88
              ? "done"
              : roll < 0.93
                ? "cancelled"
                : roll < 0.97
                  ? "in_progress"
                  : "open"
            : roll < 0.3
              ? "done"
              : roll < 0.6
                ? "in_progress"
                : "open";
      const doneDate = status === "done" ? addDays(m.date, Math.min(between(2, 45), Math.max(1, age))) : null;
      const rid = Number(
        insertResolution.run(
          meetingId,
          i + 1,
          r.subject,
          kind,
          n,
          deadline.due,
          status,
          doneDate,
          searchKey(r.subject),
          `${m.date}T10:00:00.000Z`,
        ).lastInsertRowid,
      );
      resolutionCount++;
      const ownerRoll = rand();
      // A provincial office's resolutions are its own, or one of its people's.
      const owner = officeIds.has(m.bodyId)
        ? ownerRoll < 0.7
          ? { kind: "body", id: m.bodyId }
          : { kind: "person", id: pick(members).id }
        : ownerRoll < 0.06
          ? { kind: "person", id: seifi }
          : ownerRoll < 0.12
            ? { kind: "body", id: dataCommittee }
            : ownerRoll < 0.6
              ? { kind: "body", id: pick(committees).id }
              : ownerRoll < 0.8
                ? { kind: "group", id: pick(groups).id }
                : { kind: "person", id: pick(people) };
      insertOwner.run(
        rid,
        owner.kind === "body" ? owner.id : null,
        owner.kind === "group" ? owner.id : null,
        owner.kind === "person" ? owner.id : null,
      );
      r.owners.push({ ...owner, label: "" });
      if (!officeIds.has(m.bodyId) && rand() < 0.3) {
        const second = { kind: "body", id: pick(committees).id };
        if (second.id !== owner.id || owner.kind !== "body") {
          insertOwner.run(rid, second.id, null, null);
          r.owners.push({ ...second, label: "" });
        }
      }
      const followUps = between(1, 6);
      const noteKeys: string[] = [];
      for (let k = 0; k < followUps; k++) {
        const at = addDays(m.date, Math.min(k * 5 + 1, Math.max(0, age)));
        const note = `${pick(VERBS)} ${pick(TOPICS)} انجام شد و گزارش آن ارسال گردید.`;
        if (k === 1 && rand() < 0.15 && deadline.due) {
          insertFollowUp.run(
            rid,
            "extension",
            "تمدید به درخواست متولی",
            null,
            null,
            null,
            addDays(deadline.due, 14),
            searchKey("تمدید به درخواست متولی"),
            `${at}T11:00:00.000Z`,
          );
        } else {
          insertFollowUp.run(
            rid,
            "note",
            note,
            Math.min(100, (k + 1) * 20),
            null,
            null,
            null,
            searchKey(note),
            `${at}T11:00:00.000Z`,
          );
          noteKeys.push(searchKey(note));
        }
        followUpCount++;
      }
      if (noteKeys.length) setSearchKey.run(`${searchKey(r.subject)} ${noteKeys.join(" ")}`, rid);
    }
    insertEdition.run(
      meetingId,
      JSON.stringify({ doc, bodyName: names.bodies[String(m.bodyId)], number, dateIso: m.date, names, deadlines }),
    );
    sqlite.prepare("update meetings set draft_json = ? where id = ?").run(JSON.stringify(doc), meetingId);
    finalise.run(`${m.date}T12:00:00.000Z`, meetingId);
  }
  return { meetings: schedule.length, resolutionCount, followUpCount };
});

const result = tx.immediate();

/**
 * The data-supply history: agencies up to BENCH_AGENCIES (60), data sets up to BENCH_DATA_SETS (400) followed by the
 * data-supply committee, each added on a day of the ten years and moved through the pipeline by the same updates the
 * app makes (the stage trigger checks every move), with «problems found» and back now and then, a delivery at each
 * «delivered», and a weekly note on some data set in between.
 */
const supply = sqlite.transaction(() => {
  const agencies = Number(process.env.BENCH_AGENCIES ?? 60);
  const dataSetTarget = Number(process.env.BENCH_DATA_SETS ?? 400);
  const today = clock.today();
  const start = addDays(today, -3652);
  const insertOrg = sqlite.prepare(
    "insert into organisations (kind, name, aliases, search_key, created_at) values ('agency', ?, '', ?, ?)",
  );
  const have = (sqlite.prepare("select count(*) n from organisations where kind = 'agency'").get() as { n: number }).n;
  for (let i = have; i < agencies; i++) {
    const name = `دستگاه اجرایی ${toPersianDigits(i + 1)} ${pick(TOPICS)}`;
    insertOrg.run(name, searchKey(name), `${start}T08:00:00.000Z`);
  }
  const orgs = sqlite.prepare("select id, name from organisations where kind = 'agency'").all() as {
    id: number;
    name: string;
  }[];
  const committee = (sqlite.prepare("select id from bodies where code = 'داده'").get() as { id: number } | undefined)
    ?.id;
  if (!committee) throw new Error("the seed has no data-supply committee");
  const stages = sqlite.prepare("select id, kind, position from supply_stages order by position").all() as {
    id: number;
    kind: string;
    position: number;
  }[];
  const steps = stages.filter((x) => x.kind !== "problem");
  const problem = stages.find((x) => x.kind === "problem")!;
  const insertSet = sqlite.prepare(
    "insert into data_sets (organisation_id, name, level, items, frequency, committee_id, schedule_date, due_date, stage_id, search_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const move = sqlite.prepare("update data_sets set stage_id = ?, updated_at = ? where id = ?");
  const insertChange = sqlite.prepare(
    "insert into data_set_changes (data_set_id, date, from_stage_id, to_stage_id, note, created_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertDelivery = sqlite.prepare(
    "insert into data_deliveries (data_set_id, change_id, delivered_on, period, record_count, findings, created_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const ITEMS = ["شماره ملی", "جنسیت", "تاریخ تولد", "کد پستی", "شناسه ملی کسب‌وکار", "نشانی", "وضعیت تأهل"];
  const made = (sqlite.prepare("select count(*) n from data_sets").get() as { n: number }).n;
  let changes = 0;
  // Each data set's stages with the day it entered them, for the notes below to be written in the stage of their day.
  const sets: { id: number; timeline: { date: string; stageId: number }[] }[] = [];
  for (let i = made; i < dataSetTarget; i++) {
    const org = orgs[i % orgs.length];
    const name = `ریزداده ${pick(TOPICS)} ${toPersianDigits(i + 1)}`;
    const created = addDays(start, between(0, 3400));
    const schedule = addDays(created, between(60, 400));
    const items = Array.from({ length: between(2, 5) }, () => pick(ITEMS)).join("\n");
    const id = Number(
      insertSet.run(
        org.id,
        name,
        pick(["PIN", "LIN", "BIN"]),
        items,
        pick(["once", "yearly", "monthly", "quarterly"]),
        committee,
        schedule,
        schedule,
        steps[0].id,
        searchKey(`${name} ${org.name} ${items}`),
        `${created}T08:00:00.000Z`,
      ).lastInsertRowid,
    );
    insertChange.run(id, created, null, steps[0].id, "", `${created}T08:00:00.000Z`);
    changes++;
    // Forward a step every few weeks, until a random end stage or today; now and then problems and back.
    let stage = steps[0];
    let day = created;
    const timeline = [{ date: created, stageId: stage.id }];
    const goal = between(0, steps.length - 1);
    while (true) {
      day = addDays(day, between(14, 120));
      if (day > today) break;
      let next: (typeof stages)[number] | undefined;
      if (stage.kind === "problem") next = steps[between(1, steps.length - 2)];
      else if (stage.position === steps.at(-1)!.position) break;
      else if (stage.kind === "delivered" && rand() < 0.2) next = problem;
      else if (steps.indexOf(stage) >= goal) break;
      else next = steps[steps.indexOf(stage) + 1];
      move.run(next.id, `${day}T08:00:00.000Z`, id);
      const change = Number(
        insertChange.run(id, day, stage.id, next.id, rand() < 0.5 ? paragraph(1) : "", `${day}T08:00:00.000Z`)
          .lastInsertRowid,
      );
      changes++;
      if (next.kind === "delivered" && stage.kind !== "problem")
        insertDelivery.run(
          id,
          change,
          day,
          `تا پایان ${toPersianDigits(formatJalali(day, "en").slice(0, 4))}`,
          between(1e4, 3e7),
          "",
          `${day}T08:00:00.000Z`,
        );
      stage = next;
      timeline.push({ date: day, stageId: stage.id });
    }
    sets.push({ id, timeline });
  }
  // A weekly note on some data set, over the ten years: the committee's follow-up between moves.
  for (let d = start; d <= today && sets.length > 0; d = addDays(d, 7)) {
    const s = pick(sets);
    const then = s.timeline.filter((x) => x.date <= d).at(-1);
    if (!then) continue;
    insertChange.run(s.id, d, null, then.stageId, paragraph(1), `${d}T08:00:00.000Z`);
    changes++;
  }
  return { agencies: orgs.length, dataSets: made + sets.length, changes };
});
const supplied = supply.immediate();
console.log(`data supply: ${supplied.agencies} agencies, ${supplied.dataSets} data sets, ${supplied.changes} changes`);
// The search index, as a live office's would be: its triggers noted every generated row, the keys are made here.
const { refreshSearchIndex } = await import("../../app/models/search.server");
const indexStarted = performance.now();
const indexed = refreshSearchIndex(db);
console.log(`search index: ${indexed} rows in ${Math.round(performance.now() - indexStarted)} ms`);
sqlite.pragma("wal_checkpoint(TRUNCATE)");
sqlite.exec("analyze");
console.log(
  `bench database ${file}: ${result.meetings} meetings, ${result.resolutionCount} resolutions, ${result.followUpCount} follow-ups in ${Math.round(performance.now() - started)} ms`,
);
