import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { canComposeReports, createReportDraft } from "../models/reports.server";
import { toAsciiDigits } from "../utils/digits";
import { getFixedT } from "../utils/locale.server";
import { requirePermission } from "../utils/permissions.server";
import { clientIp } from "../utils/request.server";
import { requireUser } from "../utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/reports");
}

/** Opens a report draft for a Jalali quarter or half-year, composed from the data. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canComposeReports(user), user, request);
  const form = await request.formData();
  const kind = form.get("kind") === "half_year" ? "half_year" : "quarterly";
  const year = Number(toAsciiDigits(String(form.get("year") ?? "")).trim());
  const period = Number(form.get("period"));
  const maxPeriod = kind === "quarterly" ? 4 : 2;
  if (
    !Number.isInteger(year) ||
    year < 1390 ||
    year > 1500 ||
    !Number.isInteger(period) ||
    period < 1 ||
    period > maxPeriod
  ) {
    throw new Response("Bad request", { status: 400 });
  }
  const { t } = await getFixedT(request);
  const id = createReportDraft({ userId: user.id, ip: clientIp(context) }, { kind, year, period }, t);
  return redirect(`/reports/${id}`);
}
