/**
 * The edges an outside attacker tries (issue 15): bodies of the wrong shape or size, redirects to another host,
 * bad headers. Each case names what a person or a supervisor would notice; a case fails when the server answers
 * 5xx, follows the attacker, or stops answering.
 */
import { request as httpRequest } from "node:http";
import { Client } from "./server";

type Case = { name: string; run: () => Promise<string | null> };

/** A raw request, so headers (length, type, encoding) are exactly as written. */
function raw(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, origin);
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export async function edges(origin: string) {
  const admin = await new Client(origin).signIn("admin", "admin-demo-1404");
  const base = { origin, cookie: admin.cookie };
  const cases: Case[] = [];
  const expect = (name: string, run: () => Promise<{ status: number }>, allowed: number[]) =>
    cases.push({
      name,
      run: async () => {
        const { status } = await run();
        return allowed.includes(status) ? null : `answered ${status}, expected ${allowed.join("/")}`;
      },
    });

  // Bodies that are not forms: refused with 4xx before any action reads them.
  const shapes: [string, Record<string, string>, string | undefined][] = [
    ["JSON", { "content-type": "application/json" }, '{"username":"admin"}'],
    ["text/plain", { "content-type": "text/plain" }, "username=admin"],
    ["multipart without boundary", { "content-type": "multipart/form-data" }, "x"],
    ["no content type", {}, "username=admin"],
  ];
  for (const path of ["/login", "/language", "/notifications", "/meetings/new", "/admin/users", "/admin/calendar"]) {
    for (const [label, headers, body] of shapes) {
      expect(
        `${label} to ${path}`,
        () =>
          raw(
            origin,
            "POST",
            path,
            { ...base, ...headers, "content-length": String(Buffer.byteLength(body ?? "")) },
            body,
          ),
        [400, 411, 415],
      );
    }
  }
  // Size: refused at the header, whatever the body would be; a body without a length is not read.
  expect(
    "a 100 KB sign-in form",
    () =>
      raw(
        origin,
        "POST",
        "/login",
        { ...base, "content-type": "application/x-www-form-urlencoded" },
        `username=${"a".repeat(100_000)}`,
      ),
    [413],
  );
  expect(
    "a 5 MB minutes draft",
    () =>
      raw(origin, "POST", "/meetings/1/draft", { ...base, "content-type": "application/json" }, "x".repeat(5_000_000)),
    [413],
  );
  // Pages that take files read a file larger than an ordinary form: the page answers (its own message), not the door.
  const multipart = (fields: Record<string, string>, file: { name: string; type: string; bytes: number }) => {
    const boundary = "----edges-upload-boundary";
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const body = `${parts.join("")}--${boundary}\r\ncontent-disposition: form-data; name="${file.name.endsWith(".pdf") ? "pdf" : "files"}"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n${"x".repeat(file.bytes)}\r\n--${boundary}--\r\n`;
    return { headers: { ...base, "content-type": `multipart/form-data; boundary=${boundary}` }, body };
  };
  for (const [path, fields, file, allowed] of [
    ["/verify", {}, { name: "minutes.pdf", type: "application/pdf", bytes: 1_000_000 }, [200]],
    [
      "/meetings/import",
      { intent: "read" },
      { name: "old.docx", type: "application/octet-stream", bytes: 1_000_000 },
      [400],
    ],
    ["/supply/1", { intent: "nothing" }, { name: "letter.pdf", type: "application/pdf", bytes: 1_000_000 }, [400, 404]],
  ] as const) {
    expect(`a 1 MB file to ${path}`, () => {
      const { headers, body } = multipart(fields, file);
      return raw(origin, "POST", path, { ...headers, "content-length": String(Buffer.byteLength(body)) }, body);
    }, [...allowed]);
  }
  expect(
    "a chunked body with no length",
    () =>
      raw(
        origin,
        "POST",
        "/login",
        { ...base, "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
        "username=a",
      ),
    [411],
  );
  cases.push({
    name: "three parallel 200 MB sign-ins leave the server answering",
    run: async () => {
      const big = {
        ...base,
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(200 * 1024 * 1024),
      };
      // Only the header is sent: a server that waited for the body would hang here, one that read it would fill up.
      const answers = await Promise.all(
        [1, 2, 3].map(
          () =>
            new Promise<number>((resolve) => {
              const url = new URL("/login", origin);
              const req = httpRequest(
                { host: url.hostname, port: url.port, method: "POST", path: "/login", headers: big },
                (res) => {
                  res.resume();
                  resolve(res.statusCode ?? 0);
                  req.destroy();
                },
              );
              req.on("error", () => resolve(0));
              req.write("username=");
            }),
        ),
      );
      const healthy = (await fetch(`${origin}/healthz`)).ok;
      return answers.every((s) => s === 413) && healthy ? null : `answers ${answers}, healthy ${healthy}`;
    },
  });

  // Redirects: only to this server, whatever the browser makes of the text.
  for (const to of [
    "/\t/127.0.0.1:8999/x",
    "/\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
  ]) {
    cases.push({
      name: `sign-in returning to ${JSON.stringify(to)}`,
      run: async () => {
        const r = await new Client(origin).post("/login", {
          username: "member",
          password: "member-demo-1404",
          redirectTo: to,
        });
        const location = r.headers.get("location") ?? "";
        return r.status === 302 && new URL(location, origin).origin === origin ? null : `${r.status} → ${location}`;
      },
    });
  }
  for (const to of ["/x\u0001y", "/سلام", "/\u202e/x"]) {
    expect(
      `language switch returning to ${JSON.stringify(to)}`,
      () => admin.post("/language", { lang: "fa", redirectTo: to }),
      [302],
    );
  }
  expect(
    "a Referer that is not a URL",
    () =>
      raw(
        origin,
        "POST",
        "/notifications",
        {
          ...base,
          "content-type": "application/x-www-form-urlencoded",
          referer: "::not a url::",
          "content-length": "4",
        },
        "id=1",
      ),
    [302],
  );

  // Garbage in: control characters are not stored, a bidi override in a name is closed where the name ends.
  cases.push({
    name: "a person named with NUL, ESC and an unclosed U+202E",
    run: async () => {
      const r = await admin.post("/people/new", {
        honorific: "mr",
        firstName: "علی\u0000\u001b",
        lastName: "\u202Eرضایی\u0007",
        organisation: "",
        position: "",
        email: "",
        mobile: "",
      });
      const id = /\/people\/(\d+)/.exec(r.headers.get("location") ?? "")?.[1];
      if (!id) return `answered ${r.status}`;
      const data = (await (await admin.get(`/people/${id}?_data=routes%2Fpeople.%24personId`)).json()) as {
        person: { firstName: string; lastName: string };
      };
      const { firstName, lastName } = data.person;
      return firstName === "علی" && lastName === "\u202Eرضایی\u202C"
        ? null
        : `stored ${JSON.stringify([firstName, lastName])}`;
    },
  });

  const failures: string[] = [];
  for (const c of cases) {
    // A server that waits for a body it should have refused never answers: 10 s is a failure, not a hang.
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve("no answer in 10 s"), 10_000).unref());
    const problem = await Promise.race([c.run().catch((error: Error) => `threw ${error.message}`), timeout]);
    if (problem) failures.push(`${c.name}: ${problem}`);
  }
  return { cases: cases.length, failures };
}
