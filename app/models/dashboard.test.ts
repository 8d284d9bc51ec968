import assert from "node:assert/strict";
import { test } from "node:test";
import { actor, makeBody } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import { dashboardFigures } from "./dashboard.server";
import { createOrganisation } from "./organisations.server";
import { createDataSet, listStages } from "./supply.server";

const council = makeBody("council", makeBody("headquarters"));
const committee = makeBody("committee", council);

test("the dashboard counts each agency's data sets in their stage", () => {
  const organisationId = createOrganisation(actor, { name: "سازمان نمونه", aliases: "", kind: "agency", active: true });
  for (const name of ["ثبت ولادت", "ثبت فوت"]) {
    createDataSet(
      actor,
      STAFF,
      {
        organisationId,
        name,
        level: "PIN",
        items: "شماره ملی",
        frequency: "once",
        resolutionId: null,
        committeeId: committee,
        scheduleDate: null,
      },
      "2026-12-01",
    );
  }
  const f = dashboardFigures(STAFF, "2026-12-01");
  const first = listStages().find((s) => s.kind === "pending")!;
  const i = f.stages.findIndex((s) => s.id === first.id);
  const agency = f.agencies.find((a) => a.id === organisationId)!;
  assert.equal(agency.counts[i], 2);
  assert.equal(
    agency.counts.reduce((a, b) => a + b, 0),
    2,
  );
  assert.ok((f.byStage.find((s) => s.id === first.id)?.count ?? 0) >= 2);
});
