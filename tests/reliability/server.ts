import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Runs the built production server on a database of its own, on loopback, for the reliability suites. */
export class TestServer {
  child: ChildProcess | null = null;
  readonly origin: string;
  constructor(
    readonly dbPath: string,
    readonly port: number,
    readonly env: Record<string, string> = {},
  ) {
    this.origin = `http://127.0.0.1:${port}`;
  }

  static tempDb(name: string) {
    return path.join(mkdtempSync(path.join(tmpdir(), `reliability-${name}-`)), "app.db");
  }

  async start() {
    this.child = spawn(process.execPath, ["scripts/server.mjs"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_PATH: this.dbPath,
        PORT: String(this.port),
        HOST: "127.0.0.1",
        ...this.env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${this.origin}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("server did not start");
  }

  kill(signal: NodeJS.Signals = "SIGKILL") {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  }
}

/** A cookie-keeping HTTP client signed in as one of the demo accounts. */
export class Client {
  cookie = "";
  constructor(readonly origin: string) {}

  async signIn(username: string, password: string) {
    const r = await this.post("/login", { username, password, redirectTo: "/" });
    if (r.status !== 302) throw new Error(`sign-in failed for ${username}: ${r.status}`);
    return this;
  }

  private keep(r: Response) {
    const set = r.headers.get("set-cookie");
    const m = set ? /(?:^|,\s*)(session=[^;]*)/.exec(set) : null;
    if (m) this.cookie = m[1];
    return r;
  }

  get(url: string) {
    return fetch(this.origin + url, { redirect: "manual", headers: { cookie: this.cookie } }).then((r) => this.keep(r));
  }

  post(url: string, form: Record<string, string>) {
    return fetch(this.origin + url, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.cookie, "content-type": "application/x-www-form-urlencoded", origin: this.origin },
      body: new URLSearchParams(form).toString(),
    }).then((r) => this.keep(r));
  }

  postJson(url: string, body: unknown) {
    return fetch(this.origin + url, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.cookie, "content-type": "application/json", origin: this.origin },
      body: JSON.stringify(body),
    }).then((r) => this.keep(r));
  }
}
