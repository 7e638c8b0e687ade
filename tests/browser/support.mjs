// What the browser tests need, with nothing to install from npm: a static file server for
// the built book, and a small WebDriver client for Debian's chromedriver, both on loopback
// ports the kernel picks.

import { createServer } from "node:http";
import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { createServer as netServer } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

export const BOOK = resolve(process.env.BOOK_DIR || new URL("../../book", import.meta.url).pathname);

const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".json": "application/json",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
};

/** Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }. */
export async function serveBook(root = BOOK) {
    const server = createServer(async (req, res) => {
        const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
        let file = normalize(join(root, path));
        if (!file.startsWith(root)) {
            res.writeHead(403).end();
            return;
        }
        try {
            if ((await stat(file)).isDirectory()) {
                file = join(file, "index.html");
            }
            const body = await readFile(file);
            res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
            res.end(body);
        } catch {
            res.writeHead(404).end("not found");
        }
    });
    await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
    const { port } = server.address();
    return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

async function freePort() {
    const s = netServer();
    await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
    const { port } = s.address();
    await new Promise((ok) => s.close(ok));
    return port;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Starts chromedriver and a headless Chromium session. */
export async function startBrowser() {
    const port = await freePort();
    const driver = spawn(process.env.CHROMEDRIVER || "/usr/bin/chromedriver", [`--port=${port}`], {
        stdio: ["ignore", "ignore", "inherit"],
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
        try {
            if ((await fetch(`${base}/status`)).ok) break;
        } catch {
            // not up yet
        }
        if (i > 100) {
            driver.kill("SIGKILL");
            throw new Error("chromedriver did not start within 10 s");
        }
        await sleep(100);
    }
    const call = async (method, path, body) => {
        const res = await fetch(`${base}${path}`, {
            method,
            headers: { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const data = await res.json();
        if (data.value && data.value.error) {
            throw new Error(`${method} ${path}: ${data.value.error}: ${data.value.message}`);
        }
        return data.value;
    };
    const session = await call("POST", "/session", {
        capabilities: {
            alwaysMatch: {
                browserName: "chrome",
                "goog:chromeOptions": {
                    binary: process.env.CHROMIUM || "/usr/bin/chromium",
                    // The flags that keep Chromium from reaching out to the network it
                    // does not have here, and from needing a sandbox it cannot get as root.
                    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=en-US"],
                },
                "goog:loggingPrefs": { browser: "ALL" },
            },
        },
    });
    const id = session.sessionId;
    const s = (path) => `/session/${id}${path}`;
    const browser = {
        goto: (url) => call("POST", s("/url"), { url }),
        url: () => call("GET", s("/url")),
        refresh: () => call("POST", s("/refresh"), {}),
        run: (script, ...args) => call("POST", s("/execute/sync"), { script, args }),
        logs: () => call("POST", s("/se/log"), { type: "browser" }),
        /** A PNG of the window, for looking at a failure. */
        screenshot: async () => Buffer.from(await call("GET", s("/screenshot")), "base64"),
        async find(css) {
            const el = await call("POST", s("/element"), { using: "css selector", value: css });
            return Object.values(el)[0];
        },
        click: (element) => call("POST", s(`/element/${element}/click`), {}),
        /** Types `text` into the element, key by key, as a reader would. */
        async type(css, text) {
            const element = await browser.find(css);
            return call("POST", s(`/element/${element}/value`), { text });
        },
        async clickCss(css) {
            return browser.click(await browser.find(css));
        },
        /** Waits until `script` (a function body returning a value) is truthy; returns it. */
        async until(script, what, ms = 5000) {
            const end = Date.now() + ms;
            for (;;) {
                const value = await browser.run(script);
                if (value) return value;
                if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
                await sleep(50);
            }
        },
        async quit() {
            try {
                await call("DELETE", s(""));
            } finally {
                driver.kill("SIGKILL");
            }
        },
    };
    return browser;
}
