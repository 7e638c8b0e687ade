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

/**
 * Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }. With `base` (say
 * "/course/") the book is served under that path, as on a GitHub Pages project site, and
 * anything else gets the book's 404.html with status 404, as GitHub Pages does. `extra` maps
 * paths to { type, body } served as they are (fixture pages for a test).
 */
export async function serveBook(root = BOOK, { base = "/", extra = {} } = {}) {
    const server = createServer(async (req, res) => {
        const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
        if (extra[path]) {
            res.writeHead(200, { "content-type": extra[path].type || TYPES[extname(path)] });
            res.end(extra[path].body);
            return;
        }
        const notFound = async () => {
            try {
                const body = await readFile(join(root, "404.html"));
                res.writeHead(404, { "content-type": TYPES[".html"] }).end(body);
            } catch {
                res.writeHead(404).end("not found");
            }
        };
        if (!path.startsWith(base)) {
            await notFound();
            return;
        }
        let file = normalize(join(root, path.slice(base.length - 1)));
        if (!file.startsWith(root)) {
            res.writeHead(403).end();
            return;
        }
        try {
            if ((await stat(file)).isDirectory()) {
                file = join(file, "index.html");
            }
            const body = await readFile(file);
            // The book does not change while the tests run: the browser may keep scripts,
            // styles and fonts between pages, which makes every page load faster.
            const cache = extname(file) === ".html" ? "no-cache" : "max-age=600";
            res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": cache });
            res.end(body);
        } catch {
            await notFound();
        }
    });
    await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
    const { port } = server.address();
    return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((ok) => server.close(ok)) };
}

async function freePort() {
    const s = netServer();
    await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
    const { port } = s.address();
    await new Promise((ok) => s.close(ok));
    return port;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** WebDriver's codes for the keys the tests press. */
export const KEY = { left: "\uE012", right: "\uE014", enter: "\uE007", tab: "\uE004" };

/** Where the browser tests save screenshots for a reviewer (CI uploads the folder). */
export const SHOTS = resolve(process.env.SHOTS_DIR || new URL("../../target/browser-shots", import.meta.url).pathname);

/** The themes mdBook offers; a check "in every theme" walks these. */
export const THEMES = ["light", "rust", "coal", "navy", "ayu"];

/**
 * A function body for browser.run: the contrast ratio (WCAG 2) of an element's text colour
 * against what is really behind it (its own and its ancestors' backgrounds, blended).
 * Call as browser.run(CONTRAST + "return contrast(el)") with `el` found first.
 */
export const CONTRAST = `
    function rgba(c) {
        const m = c.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return [0, 0, 0, 0];
        const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    function over(top, below) {
        const a = top[3] + below[3] * (1 - top[3]);
        if (a === 0) return [0, 0, 0, 0];
        return [0, 1, 2].map((i) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a).concat([a]);
    }
    function background(el) {
        const layers = [];
        for (let e = el; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor));
        let bg = [255, 255, 255, 1];
        for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
        return bg;
    }
    function luminance(c) {
        const [r, g, b] = c.slice(0, 3).map((v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }
    function contrast(el) {
        const style = getComputedStyle(el);
        const bg = background(el);
        const fg = over(rgba(style.color), bg);
        const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
        return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
    }
`;

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
        /** Like run, for a script that ends by calling its last argument with the result. */
        runAsync: (script, ...args) => call("POST", s("/execute/async"), { script, args }),
        logs: () => call("POST", s("/se/log"), { type: "browser" }),
        /** A Chrome DevTools Protocol command, through chromedriver. */
        cdp: (cmd, params = {}) => call("POST", s("/goog/cdp/execute"), { cmd, params }),
        /** Lays pages out as a screen `width` × `height` CSS px would (a phone when mobile). */
        viewport: (width, height, mobile = width < 700) =>
            browser.cdp("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile }),
        /** A PNG of one element (scrolled into view), or of the viewport. */
        async shoot(css) {
            if (!css) return browser.screenshot();
            const element = await browser.find(css);
            return Buffer.from(await call("GET", s(`/element/${element}/screenshot`)), "base64");
        },
        /** A PNG of the window, for looking at a failure. */
        screenshot: async () => Buffer.from(await call("GET", s("/screenshot")), "base64"),
        async find(css) {
            const el = await call("POST", s("/element"), { using: "css selector", value: css });
            return Object.values(el)[0];
        },
        click: (element) => call("POST", s(`/element/${element}/click`), {}),
        /** Sends keys (WebDriver key codes, e.g. KEY.right) to the element. */
        async keys(css, text) {
            return call("POST", s(`/element/${await browser.find(css)}/value`), { text });
        },
        /** Switches mdBook's theme in place, as its theme menu does (no reload). */
        theme: (name) => browser.run(`const html = document.documentElement;
            html.classList.remove("light", "rust", "coal", "navy", "ayu");
            html.classList.add(arguments[0]);
            try { localStorage.setItem("mdbook-theme", arguments[0]); } catch (e) {}`, name),
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
