// Search across the two languages (theme/search.js on top of mdBook's search): on a page of
// one language, a query that finds nothing there but finds pages in the other language shows
// those under a heading, instead of "No search results"; quiz blocks (their answers) are
// neither in the index nor in a teaser; and a Korean word with a particle attached highlights
// every form of the noun it found, not only the exact word typed.
//
// Run after `mdbook build`:  node --test tests/browser/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { BOOK, serveBook, startBrowser } from "./support.mjs";

const SRC = new URL("../../src", import.meta.url).pathname;

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

/** The built search index and elasticlunr, loaded as the browser loads them. */
function loadIndex() {
    const context = { window: { search: {} } };
    vm.createContext(context);
    const file = (prefix) => readFileSync(join(BOOK, readdirSync(BOOK).find((f) => f.startsWith(prefix) && f.endsWith(".js"))), "utf8");
    vm.runInContext(`${file("elasticlunr")};this.elasticlunr = elasticlunr;`, context);
    vm.runInContext(file("searchindex"), context);
    return { search: context.window.search, elasticlunr: context.elasticlunr };
}

// English words that the English pages use and the Korean pages (so far) do not; the test
// takes those that are still so.
const ENGLISH_ONLY = ["reliable", "trickle", "smuggling", "guarantees", "conversation", "whatever", "forgive"];

async function search(page, query) {
    await browser.goto(`${site.url}${page}?search=${encodeURIComponent(query)}`);
    return browser.until(
        `const links = Array.from(document.querySelectorAll('#mdbook-searchresults a')).map((a) => a.getAttribute('href'));
         const outer = document.getElementById('mdbook-searchresults-outer');
         const header = document.getElementById('mdbook-searchresults-header').textContent;
         return header !== '' && { links, text: outer.innerText };`,
        `results for ${query}`,
    );
}

test("a query that finds nothing in the page's language shows the other language's results under a heading", async () => {
    const { search: index, elasticlunr } = loadIndex();
    const idx = elasticlunr.Index.load(index.index);
    const english = ENGLISH_ONLY.filter((q) => {
        const urls = idx.search(q, index.search_options).map((r) => index.doc_urls[r.ref]);
        return urls.some((u) => u.startsWith("en/")) && !urls.some((u) => u.startsWith("ko/"));
    });
    assert.ok(english.length > 0, `none of ${ENGLISH_ONLY} is English-only any more: pick other words`);
    const problems = [];
    const cases = [
        ...["소켓", "포트 번호", "데이터그램"].map((q) => ["en/ch01-sockets-vs-http.html", q, "ko", /한국어 결과 (\d+)개/]),
        ...english.slice(0, 2).map((q) => ["ko/ch01-sockets-vs-http.html", q, "en", /(\d+) results? in English/]),
    ];
    for (const [page, query, other, heading] of cases) {
        const { links, text } = await search(page, query);
        const m = text.match(heading);
        if (!m) {
            problems.push(`${page}, "${query}": no heading ${heading} in ${JSON.stringify(text.slice(0, 120))}`);
            continue;
        }
        if (links.length === 0 || !links.every((h) => h.includes(`${other}/`))) {
            problems.push(`${page}, "${query}": results ${JSON.stringify(links.slice(0, 5))} are not all ${other} pages`);
        }
        if (Number(m[1]) !== links.length) problems.push(`${page}, "${query}": the heading says ${m[1]}, ${links.length} results are shown`);
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});

test("quiz blocks are kept out of the search index and out of teasers", async () => {
    const { search: index } = loadIndex();
    const problems = [];
    // The option and answer lines of every quiz in the sources, as the index would hold them.
    const lines = [];
    for (const lang of ["en", "ko"]) {
        for (const f of readdirSync(join(SRC, lang)).filter((f) => f.endsWith(".md"))) {
            const text = readFileSync(join(SRC, lang, f), "utf8");
            for (const block of text.matchAll(/^```text,quiz\n([\s\S]*?)^```$/gm)) {
                for (const line of block[1].split("\n")) {
                    if (/^(- \[[ xX]\] |= )/.test(line)) lines.push(line.replace(/\s+/g, " ").trim());
                }
            }
        }
    }
    assert.ok(lines.length > 50, `only ${lines.length} quiz lines found in src/`);
    for (const [ref, doc] of Object.entries(index.index.documentStore.docs)) {
        const body = (doc.body || "").replace(/\s+/g, " ");
        const found = lines.find((line) => body.includes(line));
        if (found) problems.push(`${index.doc_urls[ref]}: ${found}`);
    }
    assert.deepEqual(problems, [], `quiz source in the index:\n${problems.slice(0, 10).join("\n")}`);
    for (const [page, query] of [["en/ch02-life-of-a-socket.html", "SO_REUSEADDR"], ["ko/ch02-life-of-a-socket.html", "SO_REUSEADDR"]]) {
        const { text } = await search(page, query);
        assert.doesNotMatch(text, /- \[[ xX]\]|= SO_REUSEADDR/, `${page}: a teaser shows quiz source`);
    }
});

test("a Korean word with a particle highlights every form of the noun in teasers", async () => {
    await search("ko/ch02-life-of-a-socket.html", "소켓을");
    const marked = await browser.run(
        "return Array.from(document.querySelectorAll('#mdbook-searchresults .teaser em')).map((em) => em.textContent)",
    );
    assert.ok(marked.length > 0, "nothing highlighted in the teasers");
    const others = marked.filter((w) => w.startsWith("소켓") && w !== "소켓을");
    assert.ok(others.length > 0, `only the exact word is highlighted: ${JSON.stringify(marked.slice(0, 10))}`);
});

test("the index the reader downloads on a first search shrinks by a quarter and finds the same sections", async () => {
    const { MARK, load, shrink, size } = await import("../../theme/search-index.mjs");
    const file = join(BOOK, readdirSync(BOOK).find((f) => /^searchindex.*\.js$/.test(f)));
    const source = readFileSync(file, "utf8");
    const { elasticlunr } = loadIndex();
    const gz = (s) => gzipSync(s).length;
    const field = (search, name) => JSON.stringify(search.index.index[name]).length;
    if (source.startsWith(MARK)) {
        // Already shrunk (the publishing workflow's book): the breadcrumbs index holds the
        // breadcrumbs' words only.
        const search = load(source);
        assert.ok(field(search, "breadcrumbs") < field(search, "body") / 5, "the breadcrumbs index is as large as the body's");
        return;
    }
    const processed = shrink(source);
    console.log(`# search index: ${size(source)} -> ${size(processed)}`);
    assert.ok(gz(processed) < 0.8 * gz(source), `only ${size(source)} -> ${size(processed)}`);
    const [before, after] = [source, processed].map((s) => {
        const search = load(s);
        return { search, idx: elasticlunr.Index.load(search.index) };
    });
    assert.equal(JSON.stringify(after.search.index.documentStore), JSON.stringify(before.search.index.documentStore), "the stored sections changed");
    const queries = ["socket", "connection reset", "timeout", "buffer", "shutdown", "listen backlog", "datagram", "close",
        "TIME_WAIT", "SO_REUSEADDR", "keep-alive", "epoll", "tokio", "Content-Length", "fragment", "handshake", "EOF"];
    for (const q of queries) {
        const refs = ({ search, idx }) => idx.search(q, search.search_options).map((r) => r.ref).sort();
        assert.equal(refs(after).join(" "), refs(before).join(" "), `"${q}" finds other sections after shrinking`);
    }
});
