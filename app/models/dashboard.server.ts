/** The leadership dashboard's figures; every read takes the person's scope. */

import * as clock from "../utils/clock.server";
import type { Scope } from "./access.server";
import { supplyMatrix } from "./supply.server";

export function dashboardFigures(scope: Scope, today = clock.today()) {
  const m = supplyMatrix(scope, today);
  return {
    stages: m.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    byStage: m.byStage.map((s) => ({ id: s.id, name: s.name, kind: s.kind, count: s.count })),
    agencies: m.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      counts: m.stages.map((s) => a.sets.filter((d) => d.stageId === s.id).length),
      late: a.sets.filter((d) => d.late).length,
    })),
  };
}
