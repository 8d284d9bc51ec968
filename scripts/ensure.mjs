// Installs what is missing before quickstart and tests: npm packages (npm ci) and Debian's Chromium + poppler-utils.
// Uses only Node's own modules, since it runs before node_modules exists.
import { execSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";

const requireBrowser = process.argv.includes("--require-browser");
const run = (cmd) => execSync(cmd, { stdio: "inherit" });

const lock = "package-lock.json";
const installed = "node_modules/.package-lock.json";
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log("→ installing npm packages (npm ci)…");
  run("npm ci --no-audit --no-fund");
}

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name) => {
  try {
    execSync(`command -v ${name}`, { stdio: "ignore", shell: "/bin/sh" });
    return true;
  } catch {
    return false;
  }
};

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const missing = [];
if (!isExecutable(chromium)) missing.push("chromium");
if (!onPath("pdftotext") || !onPath("pdftoppm")) missing.push("poppler-utils");

if (missing.length > 0 && process.getuid?.() === 0 && onPath("apt-get")) {
  console.log(`→ installing Debian packages: ${missing.join(" ")}…`);
  run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`);
} else if (missing.length > 0) {
  const how = [
    `Missing: ${missing.join(", ")} (used to print PDFs and to run the end-to-end tests).`,
    `Install them with: sudo apt-get install -y ${missing.join(" ")}`,
    "or point CHROMIUM_PATH at an existing Chromium or Chrome binary.",
  ].join("\n  ");
  if (requireBrowser) {
    console.error(`✗ ${how}`);
    process.exit(1);
  }
  console.warn(`! ${how}`);
}
