// The doors into the book: the landing page (both languages on one page) and the 404 page.
// The landing page says what the course is, lists every chapter in both languages and how the
// labs work, and its "next" arrow follows the reader's language. The 404 page speaks both
// languages and works on a GitHub Pages project site, where the book lives under a sub-path
// (/REPOSITORY/): CI builds with MDBOOK_OUTPUT__HTML__SITE_URL set to that path, and this test
// does the same with /course/.
//
// Run after `mdbook build`:  node --test tests/browser/   (needs mdbook on PATH for the 404)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BOOK, serveBook, startBrowser } from "./support.mjs";

let site;
let browser;

before(async () => {
    site = await serveBook();
    browser = await startBrowser();
});

after(async () => {
    if (browser) await browser.quit();
    if (site) await site.close();
});

const chapters = (lang) => readdirSync(join(BOOK, lang)).filter((f) => f.endsWith(".html")).sort();

test("the landing page is a front door in both languages", async () => {
    await browser.goto(`${site.url}index.html`);
    await browser.run("localStorage.clear()");
    await browser.goto(`${site.url}index.html`);
    const page = await browser.run(`
        const main = document.querySelector("main");
        return {
            links: Array.from(main.querySelectorAll("a[href]")).map((a) => a.getAttribute("href")),
            en: Array.from(main.querySelectorAll('[lang="en"]')).map((e) => e.innerText).join("\\n"),
            ko: Array.from(main.querySelectorAll('[lang="ko"]')).map((e) => e.innerText).join("\\n"),
        };`);
    for (const lang of ["en", "ko"]) {
        for (const chapter of chapters(lang)) {
            assert.ok(page.links.some((h) => h.endsWith(`${lang}/${chapter}`)), `the landing page does not link to ${lang}/${chapter}`);
        }
    }
    assert.match(page.en, /lab/i, "the English part does not say how the labs work");
    assert.match(page.en, /cargo test -p lab\d\d|cargo lab/, "the English part does not show how a lab is graded");
    assert.match(page.ko, /실습/, "the Korean part does not say how the labs work");
    assert.match(page.ko, /cargo test -p lab\d\d|cargo lab/, "the Korean part does not show how a lab is graded");
});

test("the landing page's next arrow follows the reader's language", async () => {
    // A Korean reader who comes back to the landing page from inside the book.
    await browser.goto(`${site.url}ko/ch01-sockets-vs-http.html`);
    await browser.run("location.href = arguments[0]", `${site.url}index.html`);
    await browser.until("return location.pathname.endsWith('/index.html') && document.readyState === 'complete'", "the landing page");
    const next = await browser.run("return Array.from(document.querySelectorAll('a.nav-chapters.next, a.mobile-nav-chapters.next')).map((a) => a.getAttribute('href'))");
    assert.ok(next.length > 0 && next.every((h) => h.includes("ko/")), `the next arrow leads to ${next}`);
});

test("the 404 page speaks both languages and works under a sub-path", async (t) => {
    const dir = mkdtempSync(join(tmpdir(), "book-404-"));
    const built = spawnSync("mdbook", ["build", "-d", dir], {
        cwd: resolve(BOOK, ".."),
        env: { ...process.env, MDBOOK_OUTPUT__HTML__SITE_URL: "/course/" },
        encoding: "utf8",
    });
    if (built.error && built.error.code === "ENOENT") {
        t.skip("mdbook is not on PATH");
        return;
    }
    assert.equal(built.status, 0, built.stderr);
    const sub = await serveBook(dir, { base: "/course/" });
    try {
        await browser.goto(`${sub.url}en/no-such-chapter.html`);
        await browser.until("return document.readyState === 'complete'", "the 404 page");
        const page = await browser.run(`
            const sheets = Array.from(document.styleSheets).filter((s) => s.href);
            const loaded = sheets.filter((s) => { try { return s.cssRules.length > 0; } catch (e) { return false; } });
            const main = document.querySelector("main");
            return {
                sheets: sheets.length, loaded: loaded.length,
                text: main.innerText,
                links: Array.from(main.querySelectorAll("a[href]")).map((a) => a.href),
                sidebar: document.querySelectorAll("#mdbook-sidebar a[href]").length,
            };`);
        assert.ok(page.sheets > 3 && page.loaded === page.sheets, `${page.loaded} of ${page.sheets} stylesheets loaded`);
        assert.match(page.text, /not found/i, "no English on the 404 page");
        assert.match(page.text, /찾을 수 없/, "no Korean on the 404 page");
        assert.ok(page.sidebar > 5, "the 404 page has no table of contents");
        for (const lang of ["en", "ko"]) {
            const link = page.links.find((h) => h.includes(`/course/${lang}/`));
            assert.ok(link, `the 404 page has no link into /course/${lang}/: ${page.links}`);
            assert.equal((await fetch(link)).status, 200, `${link} is not a page`);
        }
    } finally {
        await sub.close();
        rmSync(dir, { recursive: true, force: true });
    }
});
