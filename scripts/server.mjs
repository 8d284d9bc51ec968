// The production (and development) HTTP server: Express serving the Remix build, on loopback by default.
// Security that must hold for every route, present and future, lives here: CSRF checks on every non-GET request,
// security headers with a per-request CSP nonce on every response, and no stack traces to visitors.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import express from "express";

const startedAt = performance.now();
const BUILD_PATH = path.resolve("build/index.js");
const HOST = process.env.HOST ?? "127.0.0.1";
const PORT = Number(process.env.PORT ?? 3000);

const build = await import(pathToFileURL(BUILD_PATH).href);

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, set TRUST_PROXY (e.g. "loopback") so req.ip and req.protocol are the client's.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
});

// CSRF: a state-changing request must come from this site. Browsers send Sec-Fetch-Site (and Origin) with every
// POST; a request that says it is cross-site is refused before any action runs.
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
app.use((req, res, next) => {
  if (SAFE.has(req.method)) return next();
  const site = req.get("sec-fetch-site");
  const origin = req.get("origin");
  let crossSite = site !== undefined && site !== "same-origin" && site !== "none";
  if (!crossSite && origin && origin !== "null") {
    try {
      crossSite = new URL(origin).host !== req.get("host");
    } catch {
      crossSite = true;
    }
  } else if (origin === "null") crossSite = true;
  if (!crossSite) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("درخواست از نشانی دیگری آمده است و پذیرفته نشد. (Cross-site request refused.)");
});

// The size and shape of a request body, checked before anything reads it. Each route takes one kind of body: the
// minutes draft endpoint JSON of a few MB (a whole minutes document), a report's narrative a larger form, documents
// their files, every other action an ordinary form of a few tens of KB. A body must say its length (browsers always do), so the
// limit holds while it streams in: Node reads no further than the length it was given.
const KB = 1024;
const BODY_RULES = [
  { path: /^\/meetings\/\d+\/draft$/, types: ["application/json"], limit: 4096 * KB },
  { path: /^\/reports\/\d+$/, types: ["application/x-www-form-urlencoded", "multipart/form-data"], limit: 1024 * KB },
  // Documents (and a follow-up's evidence, a data set's change, Word minutes to import): up to 10 files of 20 MB,
  // 60 MB a request (DOCUMENT_LIMITS). A page that takes files and is not listed here is refused above 64 KB.
  {
    path: /^\/(documents|resolutions\/\d+|supply\/\d+|meetings\/import)$/,
    types: ["application/x-www-form-urlencoded", "multipart/form-data"],
    limit: 60 * 1024 * KB,
  },
  { path: /^\/admin\/letterhead$/, types: ["multipart/form-data"], limit: 512 * KB },
  // A signed minutes' PDF to verify: the page itself says so above 30 MB.
  { path: /^\/verify$/, types: ["multipart/form-data"], limit: 31 * 1024 * KB },
  { path: /^\/(login|language)$/, types: ["application/x-www-form-urlencoded", "multipart/form-data"], limit: 16 * KB },
  { path: /^/, types: ["application/x-www-form-urlencoded", "multipart/form-data"], limit: 64 * KB },
];
function refuseBody(res, status, fa, en) {
  res.status(status).type("text/plain; charset=utf-8").send(`${fa} (${en})`);
}
app.use((req, res, next) => {
  if (SAFE.has(req.method)) return next();
  const rule = BODY_RULES.find((r) => r.path.test(req.path));
  const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const length = req.get("content-length");
  if (req.get("transfer-encoding") || (length === undefined && type))
    return refuseBody(res, 411, "طول درخواست مشخص نیست.", "Length required.");
  if (Number(length) > rule.limit)
    return refuseBody(
      res,
      413,
      `حجم درخواست بیش از حد مجاز (${Math.round(rule.limit / KB)} کیلوبایت) است.`,
      "Request body too large.",
    );
  if (!rule.types.includes(type))
    return refuseBody(res, 415, "نوع محتوای درخواست پذیرفته نیست.", "Unsupported content type.");
  if (type === "multipart/form-data" && !/boundary=/i.test(req.get("content-type") ?? ""))
    return refuseBody(res, 400, "درخواست ناقص است.", "Malformed request.");
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// Only names with an extension can be files: page requests skip the file-system look-up.
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({ ip: req.ip ?? "", nonce: res.locals.nonce }),
  }),
);

// Anything that escapes Remix (a malformed request, say) gets a plain Persian page, never a stack trace.
app.use((err, _req, res, _next) => {
  console.error(err);
  if (res.headersSent) return;
  const status = typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
  res.status(status).type("text/plain; charset=utf-8").send("درخواست انجام نشد. (The request could not be completed.)");
});

const server = app.listen(PORT, HOST, () => {
  const ms = Math.round(performance.now() - startedAt);
  console.log(`serving on http://${HOST}:${PORT} (ready in ${ms} ms)`);
  if (process.env.NODE_ENV === "development") broadcastDevReady(build);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
