/**
 * Sample minutes for the demo: the reference council meeting (shared/reference/004_…) with its 14 resolutions,
 * and recent committee meetings dated from today so that "my actions", due-this-week and overdue have content.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { addDocuments } from "../app/models/documents.server";
import { saveDraft } from "../app/models/drafts.server";
import { finaliseMeeting } from "../app/models/finalise-meeting.server";
import { createMeeting, getMeeting } from "../app/models/meetings.server";
import { getOwnerOptions } from "../app/models/owner-options.server";
import type { MinutesDoc } from "../app/schemas/minutes";
import * as clock from "../app/utils/clock.server";
import { db } from "../app/utils/db.server";
import { addDays, formatJalali } from "../app/utils/jalali";
import { toResolutionDrafts } from "../app/utils/paste";
import { STAFF } from "../tests/scopes";
import { demoDocx, demoPdf } from "./demo-documents";
import { workingGroups } from "./schema";

const REFERENCE_RESOLUTIONS = [
  ["بازه زمانی", "متولی", "موضوع"],
  [
    "دو هفته",
    "دبیرخانه / کمیته ها",
    "۱) تهیه و ارائه گزارش سه ماهه (با تاکید داشتن روکش و مستندات مربوط به فعالیت و اقدامات کمیته ها) به آقای دکتر نوبخت رئیس محترم ستاد ملی سرشماری عمومی نفوس و مسکن ثبتی مبنا ۱۴۰۵ و سایر اعضای ستاد",
  ],
  [
    "-",
    "کمیته تامین داده / کمیته زیرساخت",
    "۲) مقرر شد شروع مذاکرات، اعلام نیاز و تعاملات اولیه برای دریافت ریز داده ها با دستگاه ها از طریق کمیته زیر ساخت و پیگیری مذاکرات و عمل به تعهدات دستگاهها بر عهده کمیته تامین داده باشد و کمیته تامین داده ها مطابق زمانبندی مصوب کمیته زیر ساخت وضعیت دریافت ریز داده ها را هر هفته گزارش دهد.",
  ],
  [
    "یک هفته",
    "کمیته ها",
    "۳) گزارش مکتوب و مستندات کمیته ها به دبیرخانه ارسال شود و نیز رونوشت تمام مکاتبات داخلی و خارجی بین کمیته ها به دبیرخانه و کمیته ها مستقیم با هم در ارتباط باشند.",
  ],
  [
    "یک هفته",
    "دبیرخانه",
    "۴) دبیر کمیته زیر ساخت و نیز رئیس گروه سرشماری، رئیس گروه مسکن و معاون پایگاههای مرکز فاوا عضو شورای هماهنگی و تلفیق باشند و در جلسات گزارش های مربوط را ارائه نمایند.",
  ],
  [
    "یک هفته",
    "کمیته ها",
    "۵) هر کمیته می تواند حداکثر چهار زیر گروه با حد اکثر هفت عضو (فرا دفتری) با پیشنهاد مسئول کمیته داشته باشد.",
  ],
  ["-", "دبیرخانه", "۶) تامین اعتبار برای انجام فعالیت و آزمایش سرشماری ثبتی مبنا در شورای معاونین مطرح شود."],
  [
    "یک هفته",
    "دبیرخانه / معاونت اقتصادی",
    "۷) ترتیب نشست با پنج استان آزمایش سرشماری ۱۴۰۰ تا اقدامات و هماهنگی لازم صورت گیرد و معاونت اقتصادی و دفتر نقشه، مقدمات تهیه نقشه کامل پنج استان آزمایش سرشماری و نیز به روز کردن نقشه ها در سایر استانها را انجام دهند.",
  ],
  [
    "یک هفته",
    "کمیته زیرساخت/کمیته فناوری و اطلاعات",
    "۸) کمیته زیرساخت با همکاری دفتر پایگاهها مرکزفاوا و در صورت نیاز کمیته طراحی پیشنهاد مربوط به ارائه نواقصی که در ریز داده های سامانه ها وجود دارد و مقدمات گرفتن مصوباتی از شورایعالی فضای مجازی و پایلوت استانهای گیلان و همدان را در جلسه بعدی ارائه نمایند.",
  ],
  ["یک هفته", "دبیرخانه", "۹) اقدامات و مکاتبات لازم برای فعال نمودن کمیته های برون مرکز انجام شود."],
  [
    "یک هفته",
    "دبیرخانه",
    "۱۰) برنامه زمانبندی سریعتر نهایی و نیز فایلی که از روش علم داده و نتایج طرح ها و سایر منابع آماده می شود، به منظور ارائه نتایج جمعیت، تهیه شود.",
  ],
  [
    "-",
    "کمیته فناوری اطلاعات",
    "۱۱) کمیته فناوری اطلاعات و تامین داده گزارشی از کیفیت وضعیت دریافت داده مطابق با زمانبندی مصوب در زیر کمیته زیرساخت ارائه کند.",
  ],
  [
    "-",
    "دبیرخانه/ کمیته ها",
    "۱۲) جلسات شورای هماهنگی و تلفیق ستاد به صورت مستمر و هر هفته با ارائه گزارش کمیته ها برگزار شود.",
  ],
  [
    "-",
    "معاونت طرح های آماری / پژوهشکده آمار",
    "۱۳) ارائه گزارش برآورد جمعیت ( شهرستانی) توسط معاونت طرح های آماری و پژوهشکده آمار در جلسه آینده",
  ],
  [
    "-",
    "کمیته فناوری اطلاعات",
    "۱۴) گزارشی از چگونگی، تجهیز و امکانات وب سرویس دستگاههای اجرایی برای دریافت ریز داده ها ارائه شود.",
  ],
]
  .map((r) => r.join("\t"))
  .join("\n");

type Ids = { bodies: Map<string, number>; people: Map<string, number> };
const actor = { userId: null, ip: "seed" };

function draftOf(meetingId: number) {
  return getMeeting(STAFF, meetingId)!;
}

function saveAndFinalise(meetingId: number, doc: MinutesDoc) {
  const { meeting } = draftOf(meetingId);
  const saved = saveDraft(actor, meetingId, { doc, version: meeting.version, saveId: randomUUID() });
  if (!saved.ok) throw new Error("seed: draft conflict");
  finaliseMeeting(actor, meetingId, { version: saved.version });
}

export function seedMeetings(ids: Ids) {
  const b = (k: string) => ids.bodies.get(k)!;
  const p = (k: string) => ids.people.get(k)!;
  const options = getOwnerOptions();
  const candidates = [...options.bodies, ...options.groups, ...options.people];

  // The reference council meeting, as in shared/reference/004_….
  const council = createMeeting(actor, b("council"));
  const agenda = [
    "بیانات دکتر حسین زاده معاون محترم رئیس سازمان، رئیس مرکز آمار ایران و دبیر و قائم مقام و رئیس شورای هماهنگی و تلفیق ستاد",
    "گزارش اقدامات انجام شده توسط کمیته ها",
    "گزارش وضعیت آزمایش سرشماری در سال ۱۴۰۰",
    "ارائه سایر موارد مورد نظر",
  ].map((title) => ({ key: randomUUID(), title, discussion: "" }));
  agenda[2].discussion =
    "در این خصوص آقای محزون توضیحاتی را در مورد اقدامات صورت گرفته در کمیته طراحی آزمایش سرشماری ۱۴۰۰ ارائه نمودند که تعیین اهداف و معیار انتخابی برای محدوده جغرافیایی، تعیین محدوده جغرافیایی، اقلام اطلاعاتی پیش نویس برنامه زمانی و... می باشد.";
  const report = (body: string, text: string) => ({
    key: randomUUID(),
    agendaKey: agenda[1].key,
    bodyId: b(body),
    text,
  });
  const resolutions = toResolutionDrafts(REFERENCE_RESOLUTIONS, undefined, candidates, randomUUID).drafts.map((r) => ({
    ...r,
    owners: r.owners.flatMap((o) => {
      if (o.kind !== "unmatched") return [o];
      if (o.label.includes("اقتصادی")) return [{ kind: "person" as const, id: p("mirfallah"), label: o.label }];
      if (o.label.includes("طرح")) return [{ kind: "person" as const, id: p("banihashemi"), label: o.label }];
      return [];
    }),
  }));
  const councilDoc = draftOf(council).doc;
  // The committees' written reports and the secretariat's letter, attached before the minutes are final.
  addDocuments(actor, STAFF, { entity: "meeting", entityId: council }, [
    {
      name: "گزارش مکتوب کمیته فناوری اطلاعات ۱۳۹۹.pdf",
      bytes: demoPdf("Written report of the IT committee, 1399 (demo document)"),
    },
    {
      name: "نامه دبیرخانه به کمیته‌ها درباره نماینده آموزشی.docx",
      bytes: demoDocx([
        "بسمه تعالی",
        "کمیته‌های محترم ستاد ملی سرشماری ثبتی مبنا",
        "با سلام و احترام، خواهشمند است نماینده آموزشی آن کمیته را برای تدوین تقویم آموزشی سال ۱۴۰۰ به دبیرخانه ستاد اعلام فرمایید.",
        "دبیرخانه ستاد",
      ]),
    },
  ]);
  saveAndFinalise(council, {
    ...councilDoc,
    date: "1400/01/30",
    startTime: "10:00",
    endTime: "12:30",
    place: "سالن جلسات مرکز آمار ایران",
    mode: "mixed",
    openingRemarks:
      "جلسه با تلاوت آیاتی چند از کلام الله مجید آغاز شد. در ابتدا آقای دکتر حسین زاده با تبریک ماه مبارک رمضان، با تاکید بر اجرای مصوبات قبل خواستار ارائه گزارش از اقدامات کمیته ها به طور مستمر شدند و بر برگزاری مستمر جلسات حتی به صورت مجازی تاکید کردند.",
    summary:
      "سپس آقای عباسی به تهیه پیش نویس «آیین نامه اجرایی ستاد سرشماری ثبتی مبنا» اشاره و سایر مصوبات اولین جلسه ستاد را مرور کردند و از تهیه زیرسایت دبیرخانه ستاد سرشماری خبر دادند؛ همچنین صدور احکام اعضای کمیته ها و دبیران کمیته ها را گزارش دادند.",
    agenda,
    reports: [
      report(
        "design",
        "در جلسه‌ای که در ۹۹/۱۲/۲۵ برگزار شد چارت سازمانی ستاد سرشماری ثبتی مبنا توضیح داده شد، شرح وظایف کمیته و نظرات کارشناسی ارائه شد و عناوین کارگروه‌های ذیل کمیته معرفی شد.",
      ),
      report(
        "data",
        "در ارتباط با دستگاه‌ها تنها فایلی که اکنون در مرکز آمار موجود است فایل اداره پست است؛ فایل آموزش و پرورش با اشکالاتی به مرکز ارسال شد.",
      ),
      report(
        "infra",
        "جلسه نخست (۲۲ دی ۹۹): تعیین اعضای کمیته؛ جلسه دوم (۸ بهمن ۹۹): تصویب ارسال ریزداده‌های شماره ملی، جنسیت و تاریخ تولد از سوی سازمان ثبت احوال کشور.",
      ),
      report(
        "it",
        "شش جلسه در سال ۱۳۹۹: تهیه سند اولیه تبادل داده، تعیین کارگروه‌های چهارگانه، تهیه مستند اتاق امن و فهرست تجهیزات شبکه و امنیت.",
      ),
      report(
        "training",
        "در نامه‌ای به کمیته‌ها خواستار اعلام نماینده آموزشی شد؛ پیش‌بینی تقویم آموزشی سال ۱۴۰۰ و اعتبار آموزش رده‌های اجرایی.",
      ),
    ],
    resolutions,
    attendance: councilDoc.attendance.map((a) => ({ ...a, status: "present" as const, time: "۳" })),
    guests: [
      { name: "آقای دکتر اصغری", time: "۱" },
      { name: "آقای کرامتی", time: "۳" },
      { name: "خانم قادری", time: "۳" },
      { name: "خانم شاگری", time: "۳" },
      { name: "خانم ملاطایفه", time: "۳" },
    ],
    nextDate: "1400/02/06",
    nextTime: "10:00",
    nextAgenda: [
      "ارائه گزارش کمیته زیر ساخت در خصوص پایلوت استان گیلان",
      "ارائه گزارش معاونت طرح های آماری و آمارهای ثبتی در خصوص برآورد جمعیت ( شهرستانی)",
      "ارائه گزارش اقدامات کمیته ها",
      "سایر موارد",
    ].map((title) => ({ title })),
  });

  // Recent meetings, dated from today, so that deadlines are near, due this week, or just passed.
  const today = clock.today();
  const recent = (
    body: string,
    daysAgo: number,
    items: { subject: string; owners: MinutesDoc["resolutions"][number]["owners"]; weeks?: number; days?: number }[],
  ) => {
    const id = createMeeting(actor, b(body));
    const doc = draftOf(id).doc;
    saveAndFinalise(id, {
      ...doc,
      date: formatJalali(addDays(today, -daysAgo), "en"),
      startTime: "09:00",
      endTime: "11:00",
      place: "اتاق جلسات طبقه سوم",
      attendance: doc.attendance.map((a) => ({ ...a, status: "present" as const })),
      agenda: [{ key: randomUUID(), title: "پیگیری مصوبات و برنامه هفته", discussion: "" }],
      resolutions: items.map((i) => ({
        key: randomUUID(),
        subject: i.subject,
        owners: i.owners,
        timeframeKind: i.weeks ? "weeks" : i.days ? "days" : "standing",
        timeframeCount: String(i.weeks ?? i.days ?? ""),
        timeframeDate: "",
        timeframeText: "",
        // The demo records votes as offices do: most unanimous, the odd one by a counted majority.
        vote:
          i.weeks === 1
            ? { kind: "majority", for: "۵", against: "۱", abstain: "۱" }
            : { kind: "unanimous", for: "", against: "", abstain: "" },
      })),
    });
    return id;
  };
  recent("design", 12, [
    {
      subject: "پیش‌نویس طرح آزمایش سرشماری برای استان‌های پایلوت تهیه و به دبیرخانه ارسال شود.",
      owners: [{ kind: "body", id: b("design"), label: "" }],
      weeks: 1,
    },
    {
      subject: "حجم نمونه آزمایش در محدوده‌های جغرافیایی نهایی و به استان‌ها ابلاغ شود.",
      owners: [{ kind: "person", id: p("gholami"), label: "" }],
      weeks: 2,
    },
    {
      subject: "گزارش هفتگی پیشرفت کارگروه ویژه طرح آزمایش به کمیته ارائه شود.",
      owners: [{ kind: "person", id: p("mahzoun"), label: "" }],
    },
  ]);
  const _data = recent("data", 2, [
    {
      subject: "وضعیت دریافت ریزداده‌های ثبت احوال و آموزش و پرورش هر هفته گزارش شود.",
      owners: [{ kind: "person", id: p("seifi"), label: "" }],
      days: 5,
    },
    {
      subject: "سند عدم افشای اطلاعات برای امضا به سازمان ثبت احوال ارسال شود.",
      owners: [{ kind: "body", id: b("data"), label: "" }],
      weeks: 2,
    },
  ]);
  // The council's next meeting, already opened as a draft from the previous meeting's "next agenda".
  createMeeting(actor, b("council"));
  // A working group's own meeting (the group's first): made last, so the ids above stay as other specs know them, and
  // held long before the current reports' periods, so their figures stay as they were; its one standing resolution
  // shows a group's code («طراحی/ک۱/۱/۱»).
  const group = db
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(eq(workingGroups.name, "کارگروه ویژه طرح آزمایش سرشماری ۱۴۰۰"))
    .get()!;
  const groupMeeting = createMeeting(actor, b("design"), { workingGroupId: group.id });
  const groupDoc = draftOf(groupMeeting).doc;
  saveAndFinalise(groupMeeting, {
    ...groupDoc,
    date: "1400/02/20",
    startTime: "10:00",
    endTime: "11:30",
    place: "اتاق جلسات دفتر روش‌شناسی",
    attendance: groupDoc.attendance.map((a) => ({ ...a, status: "present" as const })),
    agenda: [{ key: randomUUID(), title: "محدوده‌های جغرافیایی آزمایش سرشماری ۱۴۰۰", discussion: "" }],
    resolutions: [
      {
        key: randomUUID(),
        subject: "فهرست اقلام اطلاعاتی آزمایش سرشماری ۱۴۰۰ هر ماه با کمیته طراحی مرور شود.",
        owners: [{ kind: "group", id: group.id, label: "" }],
        timeframeKind: "standing",
        timeframeCount: "",
        timeframeDate: "",
        timeframeText: "",
        vote: { kind: "unanimous", for: "", against: "", abstain: "" },
      },
    ],
  });
  return { council };
}
