/**
 * Races at issue time (issue 15): a save that arrives while a report is being printed for issue. A case fails when
 * the record ends up saying one thing and the issued PDF another.
 */
import { Client } from "./server";

type Case = { name: string; run: () => Promise<string | null> };
type Report = { report: { status: string; coverText: string } };

export async function raceEdges(origin: string): Promise<{ cases: number; failures: string[] }> {
  const secretariat = await new Client(origin).signIn("secretariat", "secretariat-demo-1404");
  const cases: Case[] = [];

  cases.push({
    name: "a report saved while it is printed for issue: either the save is refused (409) or nothing is issued",
    run: async () => {
      const made = await secretariat.post("/reports", { kind: "quarterly", year: "1405", period: "2" });
      const id = /\/reports\/(\d+)/.exec(made.headers.get("location") ?? "")?.[1];
      if (!id) return `could not open a draft (${made.status})`;
      const issue = secretariat.post(`/reports/${id}?_data=routes%2Freports.%24reportId`, {
        intent: "issue",
        coverText: "متن روکش الف",
      });
      // The print takes a second or more; the save lands in the middle of it.
      await new Promise((r) => setTimeout(r, 300));
      const save = await secretariat.post(`/reports/${id}?_data=routes%2Freports.%24reportId`, {
        intent: "save",
        coverText: "متن روکش ب",
      });
      const issued = await issue;
      const after = (await (
        await secretariat.get(`/reports/${id}?_data=routes%2Freports.%24reportId`)
      ).json()) as Report;
      const { status, coverText } = after.report;
      const fine =
        (status === "issued" && coverText === "متن روکش الف" && save.status === 409) ||
        (status === "draft" && coverText === "متن روکش ب" && issued.status === 409);
      return fine ? null : `issue ${issued.status}, save ${save.status}: the record is ${status} with «${coverText}»`;
    },
  });

  const failures: string[] = [];
  for (const c of cases) {
    const problem = await c.run().catch((error: Error) => `threw ${error.message}`);
    if (problem) failures.push(`${c.name}: ${problem}`);
  }
  return { cases: cases.length, failures };
}
