// The production (and development) HTTP server: Express serving the Remix build, on loopback by default.
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

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req) => ({ ip: req.ip ?? "" }),
  }),
);

const server = app.listen(PORT, HOST, () => {
  const ms = Math.round(performance.now() - startedAt);
  console.log(`serving on http://${HOST}:${PORT} (ready in ${ms} ms)`);
  if (process.env.NODE_ENV === "development") broadcastDevReady(build);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
