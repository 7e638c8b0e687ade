// The built book loads nothing from outside: no CDN script, no stylesheet or web font from
// the internet, no analytics. Run after `mdbook build`: node --test tests/browser/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { BOOK } from "./support.mjs";

async function* files(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) yield* files(path);
        else yield path;
    }
}

// A reference that makes the browser fetch something: script and image sources, stylesheet
// and font links, CSS url() and @import. Plain <a href> links to other sites are fine:
// nothing loads until the reader follows one.
const LOADS = [
    /<script[^>]+src\s*=\s*["']?\s*(?:https?:)?\/\//i,
    /<link[^>]+href\s*=\s*["']?\s*(?:https?:)?\/\/[^>]*>/i,
    /<(?:img|iframe|source|video|audio|embed)[^>]+src\s*=\s*["']?\s*(?:https?:)?\/\//i,
    /url\(\s*["']?\s*(?:https?:)?\/\//i,
    /@import\s+["']?\s*(?:https?:)?\/\//i,
];

test("no built page, stylesheet or script loads anything from another host", async () => {
    const offenders = [];
    let checked = 0;
    for await (const file of files(BOOK)) {
        if (!/\.(html|css|js|svg)$/.test(file)) continue;
        checked++;
        const text = await readFile(file, "utf8");
        for (const pattern of LOADS) {
            const m = text.match(pattern);
            if (m) offenders.push(`${relative(BOOK, file)}: ${m[0].slice(0, 120)}`);
        }
    }
    assert.ok(checked > 10, `only ${checked} files found in ${BOOK}: run mdbook build first`);
    assert.deepEqual(offenders, [], "external loads found");
});

// Korean text trips CommonMark's emphasis rules: in `**소켓(socket)**은` the closing `**`
// follows a ")" and precedes a letter, so it does not close, and the reader sees the stars.
test("no page shows Markdown that did not render", async () => {
    const problems = [];
    for await (const file of files(BOOK)) {
        if (!/\/(en|ko)\/[^/]+\.html$/.test(file)) continue;
        const text = (await readFile(file, "utf8"))
            .replace(/<(pre|code|script|style)[^>]*>[\s\S]*?<\/\1>/g, "")
            .replace(/<[^>]+>/g, " ");
        for (const pattern of [/\*\*\S/, /\S\*\*/, /\]\([^)\s]*\.md\)/]) {
            const m = text.match(pattern);
            if (m) {
                const at = text.indexOf(m[0]);
                problems.push(`${relative(BOOK, file)}: …${text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, " ")}…`);
            }
        }
    }
    assert.deepEqual(problems, []);
});
