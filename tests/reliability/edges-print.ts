/**
 * The print path's edges (issue 15): text typed into the app that tries to become markup in a printed document, and
 * a burst of parallel prints. A case fails when Chromium reaches the network (a listener of this test counts every
 * connection), a print does not come back as a PDF, a refusal is not a clear 503, or the server stops answering.
 */
import { createServer } from "node:net";
import { Client } from "./server";

type Case = { name: string; run: () => Promise<string | null> };

const BURST = 16;
// Sixteen minutes, two at a time, took 22–32 s on two shared, busy cores (24–47 s and 5.4 GB before the queue).
const CASE_SECONDS = 60;

/** Loader data of a page, as the browser's client-side navigation asks for it. */
async function data<T>(client: Client, url: string, routeId: string): Promise<T | null> {
  const r = await client.get(`${url}?_data=${encodeURIComponent(routeId)}`);
  return r.status === 200 ? ((await r.json()) as T) : null;
}

/** The first final minutes this client may read, with its body's id. */
async function finalMeeting(client: Client) {
  const { bodies } = (await data<{ bodies: { id: number; name: string }[] }>(
    client,
    "/bodies",
    "routes/bodies._index",
  ))!;
  for (let id = 1; id <= 50; id++) {
    const m = await data<{ status: string; view: { bodyName: string } }>(
      client,
      `/meetings/${id}`,
      "routes/meetings.$meetingId",
    );
    const body = m?.status === "final" ? bodies.find((b) => b.name === m.view.bodyName) : undefined;
    if (body) return { meetingId: id, bodyId: body.id };
  }
  throw new Error("no final minutes in the data");
}

async function isPdf(r: Response) {
  const bytes = Buffer.from(await r.arrayBuffer());
  return r.status === 200 && bytes.subarray(0, 5).toString("latin1") === "%PDF-";
}

export async function printEdges(origin: string, admin: Client): Promise<{ cases: number; failures: string[] }> {
  // Any connection at all counts: a preconnect reaches the listener without ever sending a request.
  let reached = 0;
  const listener = createServer((socket) => {
    reached++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const port = (listener.address() as { port: number }).port;
  const at = (path: string) => `http://127.0.0.1:${port}/${path}`;
  let restore: () => Promise<unknown> = async () => {};
  try {
    const { meetingId, bodyId } = await finalMeeting(admin);
    const edit = `/bodies/${bodyId}/edit`;
    const { body } = (await data<{ body: Record<string, unknown> }>(admin, edit, "routes/bodies.$bodyId_.edit"))!;
    const rename = (name: string) =>
      admin.post(edit, {
        name,
        code: String(body.code ?? ""),
        kind: String(body.kind),
        parentId: body.parentId ? String(body.parentId) : "",
        isExternal: body.isExternal ? "on" : "",
        active: body.active ? "on" : "",
        duties: String(body.duties ?? ""),
      });
    restore = () => rename(String(body.name));
    const draft = await admin.post("/reports", { kind: "quarterly", year: "1405", period: "3" });
    const reportUrl = draft.headers.get("location");
    if (draft.status !== 302 || !reportUrl) throw new Error(`opening a report draft answered ${draft.status}`);

    const cases: Case[] = [];
    // The minutes' running header is CSS made from the body's name; the report and the minutes' body are HTML.
    const payloads: [string, string][] = [
      ["a newline ending the header's CSS string", `x"}\n}}@import url(${at("a")});html{background:url(${at("b")})}`],
      ["a quote and a backslash", `x\\"; } html{background:url(${at("c")})} @page{@top-center{content:"`],
      ["a comment and a closing style tag", `*/</style><img src="${at("d")}"><style>html{background:url(${at("e")})}`],
    ];
    for (const [label, name] of payloads) {
      cases.push({
        name: `a body named with ${label} prints its minutes and a report as text`,
        run: async () => {
          const before = reached;
          const renamed = await rename(name);
          if (renamed.status !== 302) return `renaming answered ${renamed.status}`;
          const saved = await admin.post(reportUrl, { intent: "save", coverText: name });
          if (saved.status !== 200) return `saving the report's cover text answered ${saved.status}`;
          const minutes = await admin.get(`/meetings/${meetingId}/pdf`);
          if (!(await isPdf(minutes))) return `minutes answered ${minutes.status}, not a PDF`;
          const report = await admin.get(`${reportUrl}/preview.pdf`);
          if (!(await isPdf(report))) return `report answered ${report.status}, not a PDF`;
          return reached === before ? null : `Chromium connected to the listener ${reached - before} times`;
        },
      });
    }

    cases.push({
      name: `${BURST} parallel minutes PDFs by a member end with a PDF or a 503 and leave the server answering`,
      run: async () => {
        const member = await new Client(origin).signIn("member", "member-demo-1404");
        const { meetingId } = await finalMeeting(member);
        const answers = Promise.all(
          Array.from({ length: BURST }, async () => {
            const r = await member.get(`/meetings/${meetingId}/pdf`);
            if (r.status === 503) return (await r.text()).trim() ? "503" : "503 without a message";
            return (await isPdf(r)) ? "pdf" : `answered ${r.status}`;
          }),
        );
        // While they print, other requests are answered.
        const during = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
          (r) => r.ok,
          () => false,
        );
        const ended = await answers;
        const healthy = (await fetch(`${origin}/healthz`)).ok;
        const odd = ended.filter((a) => a !== "pdf" && a !== "503");
        if (odd.length > 0) return odd.join(", ");
        if (!ended.includes("pdf")) return "no print came back";
        return during && healthy ? null : `healthz during ${during}, after ${healthy}`;
      },
    });

    const failures: string[] = [];
    for (const c of cases) {
      const timeout = new Promise<string>((resolve) =>
        setTimeout(() => resolve(`no answer in ${CASE_SECONDS} s`), CASE_SECONDS * 1000).unref(),
      );
      const problem = await Promise.race([c.run().catch((error: Error) => `threw ${error.message}`), timeout]);
      if (problem) failures.push(`${c.name}: ${problem}`);
    }
    return { cases: cases.length, failures };
  } finally {
    await restore();
    listener.close();
  }
}
