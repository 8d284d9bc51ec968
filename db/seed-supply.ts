/**
 * Demo data supply, from the reference minutes (shared/reference/004_…): the agencies they name, the data sets the
 * infrastructure committee approved one by one, and the statuses the minutes report — the civil registry asked for a
 * non-disclosure agreement first, the education file arrived with errors, the higher-education file lacks national
 * ids before 1385. Dates are counted back from today, so the weekly report and the dashboard have something to show
 * whenever the demo is run. Made through the models, so the history and the pipeline's rules hold.
 */
import { like, or } from "drizzle-orm";
import { scopeFor } from "../app/models/access.server";
import { checkFiles } from "../app/models/documents.server";
import { createDataSet, listStages, recordChange } from "../app/models/supply.server";
import * as clock from "../app/utils/clock.server";
import { db } from "../app/utils/db.server";
import { addDays } from "../app/utils/jalali";
import { demoPdf } from "./demo-documents";
import { type DataFrequency, type DataLevel, dataSets, resolutions } from "./schema";

const SECRETARIAT = scopeFor({ id: 0, role: "secretariat", personId: null });
const SYSTEM = { userId: null };

type Step = {
  stage: string;
  /** Days before today. */
  ago: number;
  note?: string;
  blockedOn?: string;
  delivery?: { period: string; records: number; findings?: string };
  document?: string;
};
type SetSeed = {
  agency: string;
  name: string;
  level: DataLevel;
  items: string;
  frequency: DataFrequency;
  /** Days from today to the date in the schedule (negative: already passed). */
  dueIn: number | null;
  steps: Step[];
};

export const SUPPLY_AGENCIES = [
  { name: "وزارت علوم، تحقیقات و فناوری", aliases: ["وزارت علوم"] },
  { name: "شرکت ملی پست", aliases: ["پست"] },
  { name: "سازمان ثبت اسناد و املاک کشور", aliases: ["ثبت اسناد"] },
  { name: "وزارت صنعت، معدن و تجارت", aliases: ["صمت"] },
];

const SETS: SetSeed[] = [
  {
    agency: "سازمان ثبت احوال کشور",
    name: "مشخصات پایه افراد",
    level: "PIN",
    items: "شماره ملی، جنسیت، تاریخ تولد",
    frequency: "monthly",
    dueIn: -20,
    steps: [
      { stage: "negotiation", ago: 60, note: "اقلام در جلسه دوم کمیته زیرساخت تصویب شد." },
      {
        stage: "negotiation",
        ago: 4,
        note: "ثبت احوال پیش از ارسال، امضای سند عدم افشای اطلاعات را خواست.",
        blockedOn: "سازمان ثبت احوال: امضای سند عدم افشای اطلاعات",
        document: "درخواست-تعهد-عدم-افشا.pdf",
      },
    ],
  },
  {
    agency: "سازمان ثبت احوال کشور",
    name: "نام، ازدواج، طلاق و شماره ملی والدین",
    level: "PIN",
    items: "نام و نام خانوادگی، ازدواج، طلاق، شماره ملی پدر، شماره ملی مادر",
    frequency: "monthly",
    dueIn: 40,
    steps: [],
  },
  {
    agency: "وزارت آموزش و پرورش",
    name: "پرونده تحصیلی دانش‌آموزان",
    level: "PIN",
    items: "شماره ملی، پایه تحصیلی، کد مدرسه، محل تحصیل",
    frequency: "yearly",
    dueIn: -45,
    steps: [
      { stage: "negotiation", ago: 90 },
      { stage: "agreement", ago: 70, note: "تفاهم‌نامه تبادل داده امضا شد." },
      { stage: "delivered", ago: 30, delivery: { period: "سال تحصیلی ۱۴۰۳-۱۴۰۴", records: 14_820_000 } },
      {
        stage: "problems",
        ago: 3,
        note: "فایل ارسالی دارای خطا است؛ برای اصلاح به آموزش و پرورش بازگردانده شد.",
        blockedOn: "وزارت آموزش و پرورش: اصلاح و ارسال دوباره فایل",
        document: "گزارش-کیفیت-آموزش-و-پرورش.pdf",
      },
    ],
  },
  {
    agency: "وزارت علوم، تحقیقات و فناوری",
    name: "دانشجویان و دانش‌آموختگان آموزش عالی",
    level: "PIN",
    items: "شماره ملی، رشته، مقطع، سال دانش‌آموختگی",
    frequency: "yearly",
    dueIn: -30,
    steps: [
      { stage: "negotiation", ago: 80 },
      { stage: "agreement", ago: 60 },
      {
        stage: "delivered",
        ago: 12,
        delivery: {
          period: "۱۳۶۰ تا ۱۴۰۳",
          records: 9_350_000,
          findings: "شماره ملی دانش‌آموختگان پیش از ۱۳۸۵ ثبت نشده است.",
        },
      },
      {
        stage: "quality_checked",
        ago: 2,
        note: "کنترل کیفیت انجام شد؛ نبود شماره ملی پیش از ۱۳۸۵ با وزارت علوم پیگیری می‌شود.",
        blockedOn: "وزارت علوم: تکمیل شماره ملی پیش از ۱۳۸۵",
      },
    ],
  },
  {
    agency: "شرکت ملی پست",
    name: "کد پستی و نشانی ساختمان‌ها",
    level: "LIN",
    items: "کد پستی، نشانی، مختصات جغرافیایی",
    frequency: "quarterly",
    dueIn: -60,
    steps: [
      { stage: "negotiation", ago: 120 },
      { stage: "agreement", ago: 100 },
      { stage: "delivered", ago: 70, delivery: { period: "تا پایان ۱۴۰۳", records: 27_400_000 } },
      { stage: "quality_checked", ago: 50 },
      { stage: "accepted", ago: 40, note: "پس از کنترل کیفیت پذیرفته شد." },
    ],
  },
  {
    agency: "سازمان ثبت اسناد و املاک کشور",
    name: "اسناد مالکیت املاک",
    level: "LIN",
    items: "شناسه ملک، کد پستی، شماره ملی مالک",
    frequency: "half_yearly",
    dueIn: 25,
    steps: [
      { stage: "negotiation", ago: 40 },
      { stage: "agreement", ago: 5, note: "تعهدنامه عدم افشا امضا شد.", document: "تعهدنامه-ثبت-اسناد.pdf" },
    ],
  },
  {
    agency: "وزارت صنعت، معدن و تجارت",
    name: "واحدهای کسب‌وکار و پروانه‌ها",
    level: "BIN",
    items: "شناسه ملی، کد آیسیک، نشانی، شماره ملی مالک",
    frequency: "yearly",
    dueIn: 75,
    steps: [{ stage: "negotiation", ago: 10 }],
  },
];

/** Seeds the data sets once (nothing is added when any exists). */
export function seedSupply(ids: { organisations: Map<string, number>; committee: number }) {
  if (db.select({ id: dataSets.id }).from(dataSets).limit(1).get()) return;
  const today = clock.today();
  const stage = new Map(listStages().map((s) => [s.code, s.id]));
  // Resolution ۲ of the council's minutes approved the supply, item by item in the infrastructure committee.
  const approving = db
    .select({ id: resolutions.id })
    .from(resolutions)
    .where(or(like(resolutions.subject, "%ریز داده%"), like(resolutions.subject, "%ریزداده%")))
    .get();
  for (const s of SETS) {
    const organisationId = ids.organisations.get(s.agency);
    if (!organisationId) continue;
    const first = s.steps[0]?.ago ?? 30;
    const id = createDataSet(
      SYSTEM,
      SECRETARIAT,
      {
        organisationId,
        name: s.name,
        level: s.level,
        items: s.items,
        frequency: s.frequency,
        resolutionId: approving?.id ?? null,
        committeeId: ids.committee,
        scheduleDate: s.dueIn === null ? null : addDays(today, s.dueIn),
      },
      addDays(today, -first - 10),
    );
    for (const step of s.steps)
      recordChange(
        SYSTEM,
        SECRETARIAT,
        id,
        {
          toStageId: stage.get(step.stage)!,
          date: addDays(today, -step.ago),
          note: step.note ?? "",
          blockedOn: step.blockedOn ?? "",
          delivered: !!step.delivery,
          period: step.delivery?.period ?? "",
          recordCount: step.delivery?.records ?? null,
          findings: step.delivery?.findings ?? "",
        },
        step.document ? checkFiles([{ name: step.document, bytes: demoPdf(step.note ?? s.name) }]) : [],
      );
  }
}
