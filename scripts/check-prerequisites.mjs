// Runs first in `npm run quickstart`, before node_modules exists, so it imports nothing
// but Node's own modules. It says in seconds what would otherwise fail minutes into the
// install and build: the Node version, npm, the tools better-sqlite3 compiles its native
// binding with (no prebuilt binary can be downloaded here), and a port passed the wrong way.

import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const MIN_NODE = [20, 19, 0];
// What the pinned native and Prisma packages declare in their `engines` (better-sqlite3
// 12.11: 20.x to 26.x; Prisma 7: ^20.19 || ^22.12 || >=24): outside it, expect trouble.
const BETTER_SQLITE3_MAJORS = [20, 22, 23, 24, 25, 26];
const BUILD_TOOLS = ["python3", "make", "g++"];
const INSTALL_BUILD_TOOLS = process.platform === "darwin" ? "xcode-select --install" : "apt-get install -y python3 make g++";

const problems = [];
const warnings = [];

function parseVersion(text) {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  return match ? match.slice(1, 4).map(Number) : undefined;
}

function isAtLeast(version, minimum) {
  for (let i = 0; i < 3; i++) if (version[i] !== minimum[i]) return version[i] > minimum[i];
  return true;
}

function isOnPath(command) {
  const extensions = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE;.CMD").split(";") : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const extension of extensions) {
      try {
        accessSync(path.join(dir || ".", command + extension), constants.X_OK);
        return true;
      } catch {
        // not in this directory
      }
    }
  }
  return false;
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", shell: process.platform === "win32" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function checkNode() {
  const version = parseVersion(process.versions.node);
  if (!isAtLeast(version, MIN_NODE)) {
    problems.push(
      `Node.js ${process.versions.node} is too old for Prisma 7: install Node.js ${MIN_NODE.slice(0, 2).join(".")} or later (https://nodejs.org, or NodeSource's Debian packages).`,
    );
  } else if (!BETTER_SQLITE3_MAJORS.includes(version[0]) || (version[0] === 22 && version[1] < 12) || version[0] === 23) {
    warnings.push(
      `Node.js ${process.versions.node} is outside what the pinned packages declare (better-sqlite3 12: Node 20, 22-26; Prisma 7: ^20.19, ^22.12, >=24). Node 20.19+ is what this project is tested on.`,
    );
  }
}

function checkNpm() {
  const version = run("npm", ["--version"]);
  if (version === undefined) {
    problems.push("npm was not found on PATH: it comes with Node.js from https://nodejs.org or NodeSource; install npm 11 with it.");
  } else if ((parseVersion(version)?.[0] ?? 0) < 11) {
    warnings.push(
      `npm ${version}: the project is installed with npm 11, which reads package.json's allowScripts (older npm runs every install script). Upgrade with: npm install -g npm@11`,
    );
  }
  return version;
}

function checkBuildTools() {
  const missing = BUILD_TOOLS.filter((tool) => !isOnPath(tool));
  for (const tool of missing) {
    problems.push(
      `${tool} was not found on PATH: better-sqlite3 compiles its native binding with python3, make and g++. Install them with: ${INSTALL_BUILD_TOOLS}`,
    );
  }
}

/**
 * node-gyp compiles against Node's C headers and downloads them from nodejs.org unless it
 * finds them (npm's `nodedir`, the prefix a distribution's Node was built for, or its cache).
 * A warning only: a machine that reaches nodejs.org needs none of this.
 */
function checkNodeHeaders() {
  const nodedir = process.env.npm_config_nodedir ?? run("npm", ["config", "get", "nodedir"]);
  const cacheRoot =
    process.env.npm_config_devdir ??
    (process.platform === "darwin"
      ? path.join(os.homedir(), "Library/Caches")
      : (process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache")));
  const variables = process.config.variables ?? {};
  const candidates = [
    nodedir && nodedir !== "undefined" && nodedir !== "null" ? path.join(nodedir, "include/node/common.gypi") : undefined,
    variables.use_prefix_to_find_headers ? path.join(variables.node_prefix ?? "", "include/node/node_version.h") : undefined,
    path.join(cacheRoot, process.env.npm_config_devdir ? "" : "node-gyp", process.versions.node, "include/node/common.gypi"),
  ];
  if (candidates.some((file) => file && existsSync(file))) return;
  const beside = path.resolve(path.dirname(process.execPath), "..");
  const hint = existsSync(path.join(beside, "include/node/common.gypi"))
    ? `this Node's own headers are in ${beside}/include/node: npm config set nodedir ${beside}`
    : "point npm at a directory holding include/node: npm config set nodedir <dir>";
  warnings.push(
    `Node's C headers were not found, so building better-sqlite3 will download them from nodejs.org; if this machine cannot reach it, ${hint}`,
  );
}

/** PORT is read by `next start`; a bad one would fail only after the install and the build. */
function checkPort() {
  const port = process.env.PORT;
  if (port !== undefined && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    problems.push(`PORT=${port} is not a port number (1-65535). Example: PORT=4000 npm run quickstart`);
  }
}

/** The command line the npm script runs, with anything npm appended to it (Linux /proc, else ps). */
function readScriptCommandLine() {
  try {
    return readFileSync(`/proc/${process.ppid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return run("ps", ["-o", "command=", "-p", String(process.ppid)]);
  }
}

/**
 * `npm run quickstart -- -p 4000` appends `-p 4000` to the script's last command only
 * (`npm run start -p 4000`), where it fails after minutes of install and build. npm does
 * not pass the arguments to this first command, but the shell it starts holds them.
 */
function checkScriptArguments() {
  const extra = [];
  if (process.argv.length > 2) extra.push(...process.argv.slice(2));
  const script = process.env.npm_lifecycle_script;
  const commandLine = script && readScriptCommandLine();
  const at = commandLine ? commandLine.indexOf(script) : -1;
  if (at >= 0)
    extra.push(
      ...commandLine
        .slice(at + script.length)
        .trim()
        .split(/\s+/)
        .filter(Boolean),
    );
  // without `--`, npm takes `-p` as its own --parseable flag and appends only the number
  if (process.env.npm_config_parseable === "true") extra.unshift("-p");
  if (extra.length === 0) return;
  const port = /(?:^|\s)(?:-p\s+|--port[=\s]+)?(\d{1,5})(?:\s|$)/.exec(extra.join(" "))?.[1] ?? "4000";
  const example = `PORT=${port} npm run ${process.env.npm_lifecycle_event ?? "quickstart"}`;
  problems.push(
    `arguments are not passed on (got: ${extra.join(" ")}): npm would hand them to the last command only, after the install and the build. Choose the port with: ${example}`,
  );
}

checkNode();
const npmVersion = checkNpm();
checkBuildTools();
checkNodeHeaders();
checkPort();
checkScriptArguments();

for (const warning of warnings) console.warn(`warning: ${warning}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`error: ${problem}`);
  console.error(`${problems.length} problem(s) found before installing anything; fix them and run again.`);
  process.exit(1);
}
console.log(`Prerequisites OK: Node ${process.versions.node}, npm ${npmVersion}, ${BUILD_TOOLS.join(", ")}.`);
