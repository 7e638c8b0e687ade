// The diagrams, as one set (figures/figures.mjs draws them all):
// - every page shows its own language's diagrams, each with alt text, a <title> and a <desc>
//   in that language;
// - on a phone (390×844) no label is drawn under 11 CSS px: each SVG is laid out at the width
//   the page gives its image, and every <text> box is measured;
// - no label sticks out of its diagram;
// - in a dark theme the diagrams are dark, and light in a light theme;
// - the SVGs in src/images/ are what figures/figures.mjs draws.
// It also saves every diagram at phone width in the light theme and in coal, for a reviewer.
//
// Run after `mdbook build`:  node --test tests/browser/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { BOOK, SHOTS, serveBook, startBrowser } from "./support.mjs";

const MIN_PX = 11;
// Chapters 4 and 5 still show the old two-language images until their lines are switched to
// src/images/{en,ko}/; then this exception goes.
const PENDING = [];
// Beside the screenshots of tests/browser/layout.test.mjs, not among them: that test empties
// SHOTS as it starts, which may be after this one (the runner runs files one by one on a
// machine with few cores). With SHOTS_DIR=target/ci/screenshots: target/ci/screenshots-figures.
const FIGURE_SHOTS = `${SHOTS}-figures`;

let site;
let browser;

before(async () => {
    site = await serveBook();
    browser = await startBrowser();
    await rm(FIGURE_SHOTS, { recursive: true, force: true });
});

after(async () => {
    if (browser) await browser.quit();
    if (site) await site.close();
});

async function pages() {
    const list = [];
    for (const lang of ["en", "ko"]) {
        for (const f of (await readdir(join(BOOK, lang))).sort()) {
            if (f.endsWith(".html")) list.push({ lang, file: f, path: `${lang}/${f}` });
        }
    }
    return list;
}

async function load(path) {
    await browser.goto(`${site.url}${path}`);
    await browser.until(
        "return document.readyState === 'complete' && Array.from(document.querySelectorAll('main img')).every((i) => i.complete)",
        `${path} and its images`,
    );
}

// The diagrams of the page: src, alt, and what the SVG file says about itself.
const DIAGRAMS = `
    const done = arguments[arguments.length - 1];
    const imgs = Array.from(document.querySelectorAll("main img")).filter((i) => /images\\//.test(i.getAttribute("src")) && i.getBoundingClientRect().width > 0);
    Promise.all(imgs.map(async (img) => {
        const text = await (await fetch(img.src.replace(/#.*$/, ""))).text();
        const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
        const title = svg.querySelector(":scope > title");
        const desc = svg.querySelector(":scope > desc");
        return {
            src: img.getAttribute("src"),
            alt: img.getAttribute("alt") || "",
            svgLang: svg.getAttribute("lang") || "",
            title: title ? title.textContent : "",
            desc: desc ? desc.textContent : "",
        };
    })).then(done, (e) => done({ error: String(e) }));
`;

test("every page shows its own language's diagrams, with alt text, <title> and <desc> in that language", async () => {
    await browser.viewport(1280, 900);
    const problems = [];
    let seen = 0;
    for (const page of await pages()) {
        await load(page.path);
        const found = await browser.runAsync(DIAGRAMS);
        assert.ok(!found.error, found.error);
        for (const d of found) {
            seen++;
            const where = `${page.path}: ${d.src}`;
            if (PENDING.includes(page.file) && !/images\/(en|ko)\//.test(d.src)) continue;
            if (!d.src.includes(`images/${page.lang}/`)) problems.push(`${where} is not one of the ${page.lang} diagrams (images/${page.lang}/)`);
            if (d.svgLang !== page.lang) problems.push(`${where}: the SVG says lang="${d.svgLang}"`);
            for (const [what, s] of [["alt text", d.alt], ["<title>", d.title], ["<desc>", d.desc]]) {
                if (s.trim().length < 10) {
                    problems.push(`${where}: no ${what}`);
                    continue;
                }
                const hangul = /[\uAC00-\uD7A3]/.test(s);
                if (page.lang === "en" && hangul) problems.push(`${where}: the ${what} has Korean in it: ${s.slice(0, 80)}`);
                if (page.lang === "ko" && !hangul) problems.push(`${where}: the ${what} is not in Korean: ${s.slice(0, 80)}`);
            }
        }
    }
    assert.ok(seen >= 12, `only ${seen} diagrams in the book`);
    assert.deepEqual(problems, [], problems.join("\n"));
});

// Lays each diagram of the page out again at the size the page gives it, in a shadow root (so
// its styles stay inside), and measures every label: its font size on screen (the font size
// in the SVG times the SVG's scale), and its box against the SVG's box.
const LABELS = `
    const done = arguments[arguments.length - 1];
    const wanted = arguments[0] || Array.from(document.querySelectorAll("main img"))
        .filter((i) => /images\\/.*\\.svg/.test(i.getAttribute("src")) && i.getBoundingClientRect().width > 0)
        .map((i) => ({ src: i.getAttribute("src"), url: i.src, width: i.getBoundingClientRect().width }));
    Promise.all(wanted.map(async (img) => {
        const text = await (await fetch(img.url.replace(/#.*$/, ""))).text();
        const host = document.createElement("div");
        host.style.cssText = "position:absolute;left:0;top:0;visibility:hidden;width:" + img.width + "px";
        document.body.appendChild(host);
        const root = host.attachShadow({ mode: "open" });
        root.innerHTML = text;
        const svg = root.querySelector("svg");
        svg.style.width = "100%";
        svg.style.height = "auto";
        svg.style.display = "block";
        const box = svg.getBoundingClientRect();
        const labels = Array.from(svg.querySelectorAll("text")).filter((t) => t.textContent.trim() !== "").map((t) => {
            const r = t.getBoundingClientRect();
            const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
            return {
                text: t.textContent.trim(),
                px: Math.round(px * 10) / 10,
                outside: r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5,
            };
        });
        host.remove();
        return { src: img.src, width: Math.round(box.width), labels };
    })).then(done, (e) => done({ error: String(e) }));
`;

function labelProblems(where, found, problems, stats) {
    assert.ok(!found.error, found.error);
    for (const d of found) {
        const small = d.labels.filter((l) => l.px < MIN_PX);
        for (const l of d.labels) stats.smallest = Math.min(stats.smallest, l.px);
        stats.measured += d.labels.length;
        if (small.length) {
            const sizes = small.map((l) => l.px);
            problems.push(`${where}: ${d.src} at ${d.width} px: ${small.length} of ${d.labels.length} labels under ${MIN_PX} px (${Math.min(...sizes)}–${Math.max(...sizes)} px), e.g. "${small[0].text}"`);
        }
        for (const l of d.labels.filter((l) => l.outside)) problems.push(`${where}: ${d.src}: "${l.text}" sticks out of the diagram`);
    }
}

test(`on a phone no diagram label is drawn under ${MIN_PX} CSS px, and none sticks out of its diagram`, async () => {
    await browser.viewport(390, 844);
    const problems = [];
    const stats = { smallest: Infinity, measured: 0 };
    let column = 0;
    for (const page of await pages()) {
        await load(page.path);
        const found = await browser.runAsync(LABELS, null);
        if (PENDING.includes(page.file)) {
            labelProblems(page.path, found.filter((d) => /images\/(en|ko)\//.test(d.src)), problems, stats);
        } else {
            labelProblems(page.path, found, problems, stats);
        }
        for (const d of found) column = Math.max(column, d.width);
    }
    // Every diagram drawn, shown on a page yet or not, at the width a phone page gives them.
    assert.ok(column > 300, `the diagrams are ${column} px wide on a phone`);
    const files = [];
    for (const lang of ["en", "ko"]) {
        const drawn = await readdir(join(BOOK, "images", lang)).catch(() => []);
        for (const f of drawn.filter((f) => f.endsWith(".svg"))) {
            files.push({ src: `images/${lang}/${f}`, url: `${site.url}images/${lang}/${f}`, width: column });
        }
    }
    if (files.length < 24) problems.push(`only ${files.length} diagrams in images/en and images/ko`);
    labelProblems("drawn", await browser.runAsync(LABELS, files), problems, stats);
    assert.ok(stats.measured > 100, `only ${stats.measured} labels measured`);
    assert.deepEqual(problems, [], `${problems.join("\n")}\n(smallest label: ${stats.smallest} px)`);
});

// The colour of a diagram's background, as drawn: the image is painted on a canvas and the
// pixel near its left edge, half-way down, is read (every diagram leaves that spot empty).
const BACKGROUNDS = `
    return Array.from(document.querySelectorAll("main img")).filter((i) => /images\\/(en|ko)\\/.*\\.svg/.test(i.getAttribute("src")) && i.getBoundingClientRect().width > 0).map((img) => {
        const c = document.createElement("canvas");
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const g = c.getContext("2d");
        g.drawImage(img, 0, 0);
        const [r, gr, b] = g.getImageData(Math.round(img.naturalWidth * 0.015), Math.round(img.naturalHeight / 2), 1, 1).data;
        const lum = (0.2126 * r + 0.7152 * gr + 0.0722 * b) / 255;
        return { src: img.getAttribute("src"), lum: Math.round(lum * 100) / 100 };
    });
`;

test("in a dark theme the diagrams are dark, in a light theme light", async () => {
    await browser.viewport(390, 844);
    const problems = [];
    let seen = 0;
    for (const page of await pages()) {
        if (PENDING.includes(page.file)) continue;
        await load(page.path);
        for (const theme of ["light", "coal", "navy", "rust"]) {
            await browser.theme(theme);
            const dark = ["coal", "navy", "ayu"].includes(theme);
            // The images are drawn again with the other palette: wait until they are.
            await browser.until(`return Array.from(document.querySelectorAll("main img")).every((i) => i.complete)`, "the diagrams to be drawn again");
            await new Promise((ok) => setTimeout(ok, 50));
            for (const d of await browser.run(BACKGROUNDS)) {
                seen++;
                if (dark && d.lum > 0.3) problems.push(`${page.path} (${theme}): ${d.src} has a light background (luminance ${d.lum})`);
                if (!dark && d.lum < 0.7) problems.push(`${page.path} (${theme}): ${d.src} has a dark background (luminance ${d.lum})`);
            }
        }
        await browser.theme("light");
    }
    assert.ok(seen > 0, "no diagram in src/images/en/ or src/images/ko/ is shown");
    assert.deepEqual(problems, [], problems.join("\n"));
});

test("a reviewer can look at every diagram at phone width, light and dark", async () => {
    await browser.viewport(390, 844);
    await mkdir(FIGURE_SHOTS, { recursive: true });
    for (const page of await pages()) {
        await load(page.path);
        const count = await browser.run(`
            const imgs = Array.from(document.querySelectorAll("main img")).filter((i) => /images\\//.test(i.getAttribute("src")) && i.getBoundingClientRect().width > 0);
            imgs.forEach((img, i) => { img.dataset.figure = String(i); });
            return imgs.length;`);
        for (const theme of ["light", "coal"]) {
            await browser.theme(theme);
            await new Promise((ok) => setTimeout(ok, 100));
            for (let i = 0; i < count; i++) {
                const name = await browser.run(`return document.querySelector('[data-figure="${i}"]').getAttribute("src").split("/").pop().replace(/\\.svg.*$/, "")`);
                await writeFile(join(FIGURE_SHOTS, `${page.lang}-${name}-${theme}.png`), await browser.shoot(`[data-figure="${i}"]`));
            }
        }
        await browser.theme("light");
    }
});

test("src/images/en and src/images/ko are what figures/figures.mjs draws", () => {
    const script = resolve(BOOK, "..", "figures", "figures.mjs");
    const run = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
});
