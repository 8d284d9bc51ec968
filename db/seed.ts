/**
 * Demo data, safe to run again: the census HQ, its coordination council, the five committees and the secretariat of
 * the reference minutes (shared/reference/004_…), the people of its attendance table and one account per role.
 */
import { and, eq, isNull } from "drizzle-orm";
import { loadShippedHolidays } from "../app/models/calendar.server";
import { organisationSearchKey } from "../app/models/organisations.server";
import { SECOND_FACTOR_SETTING } from "../app/models/second-factor.server";
import { db } from "../app/utils/db.server";
import { hashPassword } from "../app/utils/password.server";
import { personSearchKey } from "../app/utils/person-name";
import {
  type BodyKind,
  bodies,
  type MembershipRole,
  meetings,
  memberships,
  type OrganisationKind,
  organisations,
  people,
  type Role,
  settings,
  users,
  workingGroups,
} from "./schema";
import { seedMeetings } from "./seed-meetings";
import { SUPPLY_AGENCIES, seedSupply } from "./seed-supply";

type BodySeed = {
  key: string;
  code: string;
  kind: BodyKind;
  name: string;
  parent?: string;
  isExternal?: boolean;
  duties: string;
};

const BODIES: BodySeed[] = [
  {
    key: "hq",
    code: "ستاد",
    kind: "headquarters",
    name: "ستاد ملی سرشماری ثبتی مبنا",
    duties: "سیاست‌گذاری و هدایت سرشماری عمومی نفوس و مسکن ثبتی مبنا ۱۴۰۵.",
  },
  {
    key: "council",
    code: "شورا",
    kind: "council",
    name: "شورای هماهنگی و تلفیق",
    parent: "hq",
    duties: "هماهنگی کمیته‌ها، تلفیق گزارش‌ها و پیگیری مصوبات ستاد؛ جلسات به صورت هفتگی برگزار می‌شود.",
  },
  {
    key: "design",
    code: "طراحی",
    kind: "committee",
    name: "کمیته طراحی و روش‌شناسی",
    parent: "council",
    duties: "طراحی روش سرشماری ثبتی مبنا، طرح آزمایش سرشماری ۱۴۰۰ و تعیین محدوده‌های جغرافیایی.",
  },
  {
    key: "data",
    code: "داده",
    kind: "committee",
    name: "کمیته تامین داده",
    parent: "council",
    duties: "پیگیری مذاکرات و تعهدات دستگاه‌ها و گزارش هفتگی وضعیت دریافت ریزداده‌ها.",
  },
  {
    key: "infra",
    code: "زیرساخت",
    kind: "committee",
    name: "کمیته زیرساخت و تبادل داده",
    parent: "council",
    isExternal: true,
    duties: "اعلام نیاز و تعاملات اولیه با دستگاه‌ها برای دریافت ریزداده‌ها و زمان‌بندی تبادل داده.",
  },
  {
    key: "it",
    code: "فاوا",
    kind: "committee",
    name: "کمیته فناوری اطلاعات",
    parent: "council",
    duties: "سند تبادل داده، اتاق امن، تجهیزات شبکه و امنیت و پردازش داده‌های آزمایش سرشماری.",
  },
  {
    key: "training",
    code: "آموزش",
    kind: "committee",
    name: "کمیته سازماندهی، آموزش و پشتیبانی",
    parent: "council",
    duties: "نیازسنجی و تقویم آموزشی، دوره‌های آموزشی دستگاه‌ها و پیش‌بینی اعتبار آموزش.",
  },
  {
    key: "secretariat",
    code: "دبیرخانه",
    kind: "secretariat",
    name: "دبیرخانه ستاد",
    parent: "hq",
    duties: "تنظیم صورتجلسات، پیگیری مصوبات و تهیه گزارش‌های سه‌ماهه به رئیس ستاد.",
  },
];

type PersonSeed = {
  key: string;
  honorific: "mr" | "ms";
  title?: "dr" | "eng";
  firstName?: string;
  lastName: string;
  organisation: string;
  position: string;
  seats: [string, MembershipRole][];
};

const SCI = "مرکز آمار ایران";
const PEOPLE: PersonSeed[] = [
  {
    key: "nobakht",
    honorific: "mr",
    title: "dr",
    firstName: "محمدباقر",
    lastName: "نوبخت",
    organisation: "سازمان برنامه و بودجه کشور",
    position: "رئیس ستاد ملی سرشماری",
    seats: [["hq", "chair"]],
  },
  {
    key: "hosseinzadeh",
    honorific: "mr",
    title: "dr",
    lastName: "حسین‌زاده",
    organisation: SCI,
    position: "رئیس مرکز آمار ایران",
    seats: [
      ["hq", "secretary"],
      ["council", "chair"],
    ],
  },
  {
    key: "banihashemi",
    honorific: "ms",
    title: "dr",
    lastName: "بنی‌هاشمی",
    organisation: SCI,
    position: "معاون طرح‌های آماری",
    seats: [
      ["council", "member"],
      ["data", "chair"],
    ],
  },
  {
    key: "pirhosseini",
    honorific: "mr",
    lastName: "پیرحسینی",
    organisation: SCI,
    position: "رئیس گروه سرشماری",
    seats: [
      ["council", "member"],
      ["design", "member"],
    ],
  },
  {
    key: "shabak",
    honorific: "mr",
    title: "dr",
    lastName: "شباک",
    organisation: SCI,
    position: "رئیس مرکز فناوری اطلاعات و ارتباطات",
    seats: [
      ["council", "member"],
      ["it", "chair"],
    ],
  },
  {
    key: "faramarzi",
    honorific: "mr",
    title: "dr",
    lastName: "فرامرزی",
    organisation: "وزارت ارتباطات و فناوری اطلاعات",
    position: "مشاور وزیر",
    seats: [
      ["council", "member"],
      ["infra", "chair"],
    ],
  },
  {
    key: "mohammadi",
    honorific: "mr",
    title: "dr",
    firstName: "عزت‌اله",
    lastName: "محمدی",
    organisation: SCI,
    position: "مدیرکل آموزش",
    seats: [
      ["council", "member"],
      ["training", "chair"],
    ],
  },
  {
    key: "mirfallah",
    honorific: "mr",
    firstName: "میرفلاح",
    lastName: "نصیری",
    organisation: SCI,
    position: "معاون اقتصادی",
    seats: [["council", "member"]],
  },
  {
    key: "rahimi",
    honorific: "mr",
    lastName: "رحیمی",
    organisation: SCI,
    position: "رئیس گروه مسکن",
    seats: [
      ["council", "member"],
      ["design", "member"],
    ],
  },
  {
    key: "abbasi",
    honorific: "mr",
    lastName: "عباسی",
    organisation: SCI,
    position: "دبیر شورای هماهنگی و تلفیق",
    seats: [
      ["council", "secretary"],
      ["secretariat", "chair"],
    ],
  },
  {
    key: "sotoudeh",
    honorific: "mr",
    lastName: "ستوده",
    organisation: SCI,
    position: "کارشناس آموزش",
    seats: [
      ["council", "member"],
      ["training", "secretary"],
    ],
  },
  {
    key: "fazeli",
    honorific: "mr",
    lastName: "فاضلی",
    organisation: SCI,
    position: "معاون پایگاه‌های مرکز فاوا",
    seats: [
      ["council", "member"],
      ["it", "secretary"],
    ],
  },
  {
    key: "seifi",
    honorific: "mr",
    lastName: "سیفی",
    organisation: "سازمان ثبت احوال کشور",
    position: "کارشناس تبادل داده",
    seats: [
      ["council", "member"],
      ["data", "member"],
    ],
  },
  {
    key: "gholami",
    honorific: "mr",
    lastName: "غلامی",
    organisation: SCI,
    position: "کارشناس روش‌شناسی",
    seats: [
      ["council", "member"],
      ["design", "secretary"],
    ],
  },
  {
    key: "mahzoun",
    honorific: "mr",
    lastName: "محزون",
    organisation: SCI,
    position: "مدیرکل روش‌شناسی",
    seats: [
      ["council", "member"],
      ["design", "chair"],
    ],
  },
  {
    key: "asghari",
    honorific: "mr",
    title: "dr",
    firstName: "سید امیر",
    lastName: "اصغری",
    organisation: SCI,
    position: "دبیر کمیته زیرساخت و تبادل داده",
    seats: [["infra", "secretary"]],
  },
  {
    key: "keramati",
    honorific: "mr",
    lastName: "کرامتی",
    organisation: SCI,
    position: "کارشناس فناوری اطلاعات",
    seats: [["secretariat", "member"]],
  },
  {
    key: "ghaderi",
    honorific: "ms",
    lastName: "قادری",
    organisation: SCI,
    position: "کارشناس دبیرخانه",
    seats: [
      ["secretariat", "member"],
      ["data", "secretary"],
    ],
  },
  {
    key: "shageri",
    honorific: "ms",
    lastName: "شاگری",
    organisation: SCI,
    position: "کارشناس دبیرخانه",
    seats: [["secretariat", "secretary"]],
  },
  {
    key: "mollataefeh",
    honorific: "ms",
    lastName: "ملاطایفه",
    organisation: SCI,
    position: "کارشناس دبیرخانه",
    seats: [["secretariat", "member"]],
  },
];

const GROUPS: { committee: string; name: string; duties: string; members: string[] }[] = [
  {
    committee: "it",
    name: "کارگروه تامین نرم‌افزار",
    duties: "برنامه زمان‌بندی نرم‌افزارها و سند استاندارد تبادل داده.",
    members: ["fazeli", "keramati"],
  },
  {
    committee: "it",
    name: "کارگروه شبکه و امنیت",
    duties: "تجهیزات شبکه و امنیت و بهبود سرویس‌ها.",
    members: ["shabak", "keramati"],
  },
  {
    committee: "it",
    name: "کارگروه پردازش داده",
    duties: "بارگذاری، شناسنامه ثبتی و پروفایل داده‌های دستگاه‌ها.",
    members: ["fazeli", "seifi"],
  },
  {
    committee: "design",
    name: "کارگروه ویژه طرح آزمایش سرشماری ۱۴۰۰",
    duties: "تهیه پیش‌نویس طرح آزمایش سرشماری ۱۴۰۰.",
    members: ["mahzoun", "gholami", "pirhosseini", "rahimi"],
  },
];

/** One account per role; printed by quickstart. These are demo credentials, never for a real deployment. */
export const DEMO_ACCOUNTS: { username: string; password: string; role: Role; person: string }[] = [
  { username: "admin", password: "admin-demo-1404", role: "admin", person: "keramati" },
  { username: "secretariat", password: "secretariat-demo-1404", role: "secretariat", person: "shageri" },
  { username: "chair", password: "chair-demo-1404", role: "chair", person: "mahzoun" },
  { username: "member", password: "member-demo-1404", role: "member", person: "seifi" },
];

/**
 * Outside organisations the reference minutes name (owners of its resolutions, senders of its guests). The member
 * demo account's person (سیفی) comes from one of them.
 */
const ORGANISATIONS: { name: string; kind: OrganisationKind; aliases?: string[] }[] = [
  { name: "پژوهشکده آمار", kind: "institute", aliases: ["پژوهشکده"] },
  { name: "معاونت طرح‌های آماری", kind: "agency", aliases: ["طرح‌های آماری"] },
  { name: "سازمان ثبت احوال کشور", kind: "agency", aliases: ["ثبت احوال"] },
  { name: "وزارت آموزش و پرورش", kind: "agency", aliases: ["آموزش و پرورش"] },
  { name: "وزارت ارتباطات و فناوری اطلاعات", kind: "agency", aliases: ["وزارت ارتباطات"] },
  { name: "استانداری گیلان", kind: "province", aliases: ["استان گیلان"] },
  { name: "استانداری تهران", kind: "province", aliases: ["استان تهران"] },
  { name: "شهرداری تهران", kind: "municipality" },
  ...SUPPLY_AGENCIES.map((a) => ({ ...a, kind: "agency" as const })),
];

function seedOrganisations(): Map<string, number> {
  const ids = new Map<string, number>();
  for (const o of ORGANISATIONS) {
    const existing = db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, o.name))
      .get();
    const aliases = o.aliases ?? [];
    const id =
      existing?.id ??
      db
        .insert(organisations)
        .values({
          name: o.name,
          kind: o.kind,
          aliases: aliases.join("\n"),
          searchKey: organisationSearchKey({ name: o.name, aliases: aliases.join("\n") }),
        })
        .returning({ id: organisations.id })
        .get().id;
    ids.set(o.name, id);
  }
  return ids;
}

export async function seed() {
  const organisationIds = seedOrganisations();
  const bodyIds = new Map<string, number>();
  BODIES.forEach((b, i) => {
    const existing = db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, b.name)).get();
    const values = {
      kind: b.kind,
      code: b.code,
      name: b.name,
      parentId: b.parent ? bodyIds.get(b.parent) : null,
      isExternal: b.isExternal ?? false,
      duties: b.duties,
      sortOrder: i,
      // Councils and committees meet with more than half their members; the HQ and secretariat keep no rule.
      quorumKind: b.kind === "council" || b.kind === "committee" ? ("majority" as const) : ("none" as const),
    };
    const id = existing ? existing.id : db.insert(bodies).values(values).returning({ id: bodies.id }).get().id;
    bodyIds.set(b.key, id);
  });

  const personIds = new Map<string, number>();
  for (const p of PEOPLE) {
    const person = {
      honorific: p.honorific,
      title: p.title ?? null,
      firstName: p.firstName ?? "",
      lastName: p.lastName,
      organisation: p.organisation,
      // A person from an outside organisation the seed knows (سیفی, of ثبت احوال) belongs to it.
      organisationId: organisationIds.get(p.organisation) ?? null,
      position: p.position,
      // Demo addresses (example.org is reserved for examples): starting the demo with SMTP_URL shows the mail flow.
      email: `${p.key}@example.org`,
    };
    const existing = db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.lastName, person.lastName), eq(people.firstName, person.firstName)))
      .get();
    const id = existing
      ? existing.id
      : db
          .insert(people)
          .values({ ...person, searchKey: personSearchKey(person) })
          .returning({ id: people.id })
          .get().id;
    if (existing)
      db.update(people)
        .set({ email: person.email })
        .where(and(eq(people.id, id), eq(people.email, "")))
        .run();
    personIds.set(p.key, id);
    for (const [bodyKey, role] of p.seats) {
      const bodyId = bodyIds.get(bodyKey)!;
      const seat = db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.personId, id), eq(memberships.bodyId, bodyId), isNull(memberships.endDate)))
        .get();
      if (!seat) db.insert(memberships).values({ personId: id, bodyId, role, startDate: "2021-01-11" }).run();
    }
  }

  for (const g of GROUPS) {
    const committeeId = bodyIds.get(g.committee)!;
    const existing = db
      .select({ id: workingGroups.id })
      .from(workingGroups)
      .where(eq(workingGroups.name, g.name))
      .get();
    if (existing) continue;
    const groupId = db
      .insert(workingGroups)
      .values({ committeeId, name: g.name, duties: g.duties })
      .returning({ id: workingGroups.id })
      .get().id;
    for (const [i, key] of g.members.entries()) {
      db.insert(memberships)
        .values({
          personId: personIds.get(key)!,
          workingGroupId: groupId,
          role: i === 0 ? "chair" : "member",
          startDate: "2021-04-11",
        })
        .run();
    }
  }

  // Official holidays 1398–1410, solar and lunar, from the shipped table (db/holidays-iran.json); the admin's
  // corrections and removals stay as they are.
  loadShippedHolidays();

  // The demo is tried without a phone: a second factor is optional here (the sign-in page says so). A new
  // deployment's migration turns it on for the admin and the secretariat.
  db.insert(settings)
    .values({ key: SECOND_FACTOR_SETTING, value: "0" })
    .onConflictDoUpdate({ target: settings.key, set: { value: "0" } })
    .run();

  if (!db.select({ id: meetings.id }).from(meetings).limit(1).get()) {
    seedMeetings({ bodies: bodyIds, people: personIds });
  }
  seedSupply({ organisations: organisationIds, committee: bodyIds.get("data")! });

  for (const account of DEMO_ACCOUNTS) {
    const existing = db.select({ id: users.id }).from(users).where(eq(users.username, account.username)).get();
    if (existing) continue;
    db.insert(users)
      .values({
        username: account.username,
        passwordHash: await hashPassword(account.password),
        role: account.role,
        personId: personIds.get(account.person)!,
      })
      .run();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seed();
  console.log(`seeded ${process.env.DATABASE_PATH ?? "data/app.db"}`);
  if (process.argv.includes("--print-accounts")) {
    console.log("\nDemo accounts (for trying the app only):");
    console.table(DEMO_ACCOUNTS.map(({ username, password, role }) => ({ role, username, password })));
  }
}
