// Every page of the built book, laid out on a phone (390×844) and on a desktop (1280×900), in
// the light theme and a dark one (coal): nothing may stick out sideways. mdBook clips the page
// (`overflow-x: hidden` on <body>), so a page never scrolls sideways: what sticks out is cut
// off, and only measuring each element shows it. Code blocks and tables scroll inside their
// own box, which is fine; the box itself must fit.
//
// It also saves screenshots of every page at both sizes (the first screen, each figure and
// each widget) into target/browser-shots/, which CI uploads, so that a reviewer can look at
// the book without building it.
//
// Run after `mdbook build`:  node --test tests/browser/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BOOK, CONTRAST, SHOTS, THEMES, serveBook, startBrowser } from "./support.mjs";

const SIZES = [
    { name: "phone", width: 390, height: 844 },
    { name: "desktop", width: 1280, height: 900 },
];
const CHECKED_THEMES = ["light", "coal"];

let site;
let browser;

before(async () => {
    site = await serveBook();
    browser = await startBrowser();
    await rm(SHOTS, { recursive: true, force: true });
});

after(async () => {
    if (browser) await browser.quit();
    if (site) await site.close();
});

async function allPages() {
    const list = ["index.html", "404.html"];
    for (const lang of ["en", "ko"]) {
        for (const f of (await readdir(join(BOOK, lang))).sort()) {
            if (f.endsWith(".html")) list.push(`${lang}/${f}`);
        }
    }
    return list;
}

// Returns what sticks out, as sentences: elements of the page that reach past the window's
// edges (outside a box that scrolls), and parts of a widget (the stepper, a quiz) that reach
// past the widget's own box.
const OVERFLOW = `
    const W = document.documentElement.clientWidth;
    const problems = [];
    const describe = (el) => {
        const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "";
        const text = (el.textContent || el.getAttribute("alt") || "").trim().replace(/\\s+/g, " ").slice(0, 50);
        return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : "");
    };
    const scrolls = (el, stop) => {
        for (let p = el.parentElement; p && p !== stop; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === "auto" || o === "scroll") return true;
        }
        return false;
    };
    const seen = new Set();
    const reported = (el) => { for (let p = el; p; p = p.parentElement) if (seen.has(p)) return true; return false; };
    const roots = [document.getElementById("mdbook-content"), document.getElementById("mdbook-menu-bar")].filter(Boolean);
    for (const root of roots) {
        for (const el of root.querySelectorAll("*")) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (r.right <= W + 1 && r.left >= -1) continue;
            if (scrolls(el, root) || reported(el)) continue;
            seen.add(el);
            problems.push("page: " + describe(el) + " spans " + Math.round(r.left) + ".." + Math.round(r.right) + " px of a " + W + " px window");
        }
    }
    const widgetProblems = (widget, when) => {
        const box = widget.getBoundingClientRect();
        const name = (widget.classList.contains("quiz") ? "quiz" : "stepper") + when;
        if (widget.scrollWidth > widget.clientWidth + 1) {
            problems.push(name + ": its content is " + widget.scrollWidth + " px wide in a " + widget.clientWidth + " px box");
        }
        for (const el of widget.querySelectorAll("*")) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || reported(el)) continue;
            if (r.right <= box.right + 1 && r.left >= box.left - 1) continue;
            if (scrolls(el, widget)) continue;
            seen.add(el);
            problems.push(name + ": " + describe(el) + " spans " + Math.round(r.left) + ".." + Math.round(r.right) + " px, outside the widget's " + Math.round(box.left) + ".." + Math.round(box.right));
        }
    };
    document.querySelectorAll(".quiz").forEach((quiz) => widgetProblems(quiz, ""));
    // A stepper is checked at every step: each step shows other calls and states.
    document.querySelectorAll(".lifecycle").forEach((stepper) => {
        const next = stepper.querySelector("[data-go=next]");
        for (let step = 0; step < 100; step++) {
            widgetProblems(stepper, " at step " + (stepper.dataset.step || step));
            if (!next || next.disabled || next.getAttribute("aria-disabled") === "true") break;
            next.click();
        }
        const restart = stepper.querySelector("[data-go=restart]");
        if (restart) restart.click();
    });
    return problems;
`;

async function load(page) {
    await browser.goto(`${site.url}${page}`);
    await browser.until("return document.readyState === 'complete'", `${page} to load`);
}

async function save(file, png) {
    await mkdir(join(SHOTS, file, ".."), { recursive: true });
    await writeFile(join(SHOTS, file), png);
}

for (const size of SIZES) {
    test(`no page sticks out sideways at ${size.width}×${size.height}, light and dark`, async () => {
        await browser.viewport(size.width, size.height);
        const problems = [];
        for (const page of await allPages()) {
            await load(page);
            for (const theme of CHECKED_THEMES) {
                await browser.theme(theme);
                for (const p of await browser.run(OVERFLOW)) problems.push(`${page} (${theme}): ${p}`);
            }
            // What a reviewer looks at: the first screen, each figure and each widget.
            if (page === "404.html") continue;
            await browser.theme("light");
            const base = page.replace(/\.html$/, "").replace("/", "-");
            await browser.run("window.scrollTo(0, 0)");
            await save(`${size.name}/${base}.png`, await browser.shoot());
            const parts = await browser.run(`
                const found = [];
                document.querySelectorAll("main img:not(.img-wrapper img), main .lifecycle, main .quiz").forEach((el, i) => {
                    el.dataset.shot = String(i);
                    const kind = el.tagName === "IMG" ? (el.getAttribute("src") || "").split("/").pop().replace(/\\.\\w+$/, "") : el.className.split(" ")[0];
                    found.push([i, kind]);
                });
                return found;`);
            for (const [i, kind] of parts) {
                try {
                    await save(`${size.name}/${base}-${kind}.png`, await browser.shoot(`[data-shot="${i}"]`));
                } catch (e) {
                    problems.push(`${page}: could not take a screenshot of ${kind}: ${e.message}`);
                }
            }
        }
        assert.deepEqual(problems, [], `at ${size.width} px:\n${problems.join("\n")}`);
    });
}

test("the language toggle appears once at the top of a phone page, and reads well in every theme", async () => {
    const problems = [];
    for (const size of SIZES) {
        await browser.viewport(size.width, size.height);
        for (const page of ["en/ch02-life-of-a-socket.html", "ko/ch02-life-of-a-socket.html"]) {
            await load(page);
            await browser.run("window.scrollTo(0, 0)");
            // The links to the twin page that a reader sees on the first screen.
            const visible = await browser.run(`
                return Array.from(document.querySelectorAll("a.lang-toggle, p.twin a")).filter((a) => {
                    const r = a.getBoundingClientRect();
                    return a.offsetParent !== null && r.width > 0 && r.bottom > 0 && r.top < innerHeight;
                }).map((a) => a.className || "p.twin a");`);
            if (size.name === "phone" && visible.length !== 1) {
                problems.push(`${page} at ${size.width} px: ${visible.length} language links on the first screen (${visible.join(", ")}); one is enough`);
            }
            if (visible.length === 0) problems.push(`${page} at ${size.width} px: no language link on the first screen`);
            for (const theme of THEMES) {
                await browser.theme(theme);
                const ratios = await browser.run(CONTRAST + `
                    return Array.from(document.querySelectorAll("a.lang-toggle, p.twin a"))
                        .filter((a) => a.offsetParent !== null)
                        .map((a) => [a.className || "p.twin a", contrast(a)]);`);
                for (const [what, ratio] of ratios) {
                    if (ratio < 4.5) problems.push(`${page} at ${size.width} px, ${theme}: ${what} has contrast ${ratio}:1, under 4.5:1`);
                }
            }
        }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});
