#!/usr/bin/env node
// Serves www/ as a static site on http://127.0.0.1:8080 (PORT env or --port N overrides; --root DIR serves
// another folder). No dependencies: node:http, node:fs, node:path only.
// Sends the same Content-Security-Policy the page is designed for, so `npm start` shows CSP problems early.
import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

function parseArgs(argv) {
  const args = { port: process.env.PORT, root: path.join(here, "..", "www"), host: "127.0.0.1" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--port" || flag === "-p") args.port = value();
    else if (flag === "--root") args.root = value();
    else if (flag === "--host") args.host = value();
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: node scripts/serve.mjs [--port N] [--root DIR] [--host ADDR]   (PORT env also sets the port)");
      process.exit(0);
    } else {
      console.error(`serve: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  const port = args.port === undefined || args.port === "" ? 8080 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: port must be an integer from 0 to 65535, got ${JSON.stringify(args.port)}`);
    process.exit(2);
  }
  return { ...args, port, root: path.resolve(args.root) };
}

/** Maps a request path to a file under root, or null when it escapes root or is malformed. */
export function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  // Resolve against root and require the result to stay inside it: "/../x", "/%2e%2e/x", "..\\x" all fail.
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded.replace(/\\/g, "/")));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": CSP, ...headers });
  res.end(body);
}

export function createStaticServer(root) {
  return createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, "method not allowed\n", { Allow: "GET, HEAD" });
      return;
    }
    const urlPath = (req.url || "/").split("?")[0].split("#")[0];
    let file = resolveRequestPath(root, urlPath);
    if (file === null) {
      send(res, 400, "bad request\n");
      return;
    }
    try {
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        if (!urlPath.endsWith("/")) {
          send(res, 301, "", { Location: urlPath + "/" });
          return;
        }
        file = path.join(file, "index.html");
        stat = await fs.stat(file);
      }
      if (!stat.isFile()) throw Object.assign(new Error("not a file"), { code: "ENOENT" });
      // Symlinks could point outside root: check the real path too.
      const real = await fs.realpath(file);
      const realRoot = await fs.realpath(root);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
        send(res, 404, "not found\n");
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] || "application/octet-stream";
      res.writeHead(200, {
        "Content-Type": type,
        "Content-Length": stat.size,
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      createReadStream(file).on("error", () => res.destroy()).pipe(res);
    } catch (err) {
      if (err && (err.code === "ENOENT" || err.code === "ENOTDIR")) send(res, 404, "not found\n");
      else send(res, 500, "internal error\n");
    }
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { port, root, host } = parseArgs(process.argv.slice(2));
  try {
    await fs.access(path.join(root, "index.html"));
  } catch {
    console.error(`serve: ${root}/index.html not found`);
    process.exit(1);
  }
  const server = createStaticServer(root);
  server.on("error", (err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const actual = server.address().port;
    console.log(`nutshell is served at http://${host}:${actual}/  (serving ${root}; Ctrl+C stops)`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
}
