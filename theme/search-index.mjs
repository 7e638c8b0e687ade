// Shrinks the search index that `mdbook build` writes (book/searchindex-HASH.js), which a
// reader downloads whole on their first search. CI (.ci/run) and the publishing workflow
// (.github/workflows/book.yml) run, after the build:
//
//   node theme/search-index.mjs book
//
// The book works without it (`mdbook serve` does not run it); the published one is smaller.
// mdBook 0.5.4 has no setting for either of these:
//
// 1. Each field gets its own term counts back. elasticlunr-rs 3.0.2 (Index::add_doc) does
//    not reset its term counts between the fields of a section, so the "body" index also
//    holds each title's words, and the "breadcrumbs" index every word of the section: it
//    was as large as the body index, for the ~13,000 characters of breadcrumbs there are.
//    The stored frequency is √(cumulative count), so a field's own count is the difference
//    of the squares of its frequency and the previous field's, exactly.
// 2. The tries are written without what elasticlunr.js does not need: inner nodes that end
//    no term lose their empty `"docs":{},"df":0` (elasticlunr.js walks past a node without
//    docs and counts its document frequency as 0), and frequencies keep four digits.
//
// What a search finds does not change (tests/browser/search.test.mjs compares the documents
// each of a set of queries finds before and after); its ranking follows the fields mdBook
// meant. The file keeps its name; running this twice does nothing the second time. It
// prints the sizes before and after, raw and gzipped.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export const MARK = "/* processed by theme/search-index.mjs */\n";

/** The `window.search` object a searchindex*.js file sets. */
export function load(source) {
    const context = { window: { search: {} } };
    vm.runInNewContext(source, context);
    return context.window.search;
}

// Every (term, doc) posting of a field's trie: term → Map(doc → tf).
function postings(root) {
    const out = new Map();
    const walk = (node, term) => {
        if (node.docs) {
            for (const [ref, entry] of Object.entries(node.docs)) {
                if (!out.has(term)) out.set(term, new Map());
                out.get(term).set(ref, entry.tf);
            }
        }
        for (const key of Object.keys(node)) {
            if (key !== "docs" && key !== "df") walk(node[key], term + key);
        }
    };
    walk(root, "");
    return out;
}

const round = (x) => Number(x.toPrecision(4));

function trie(byTerm) {
    const root = {};
    for (const [term, byDoc] of byTerm) {
        let node = root;
        for (const ch of term) node = node[ch] || (node[ch] = {});
        node.docs = {};
        for (const [ref, n] of byDoc) node.docs[ref] = { tf: round(Math.sqrt(n)) };
        node.df = byDoc.size;
    }
    // elasticlunr.js starts every expansion at the root.
    root.docs = root.docs || {};
    root.df = root.df || 0;
    return { root };
}

/** The processed searchindex*.js source for an unprocessed one. */
export function shrink(original) {
    const search = load(original);
    const { index } = search;
    const order = ["title", "body", "breadcrumbs"].filter((f) => index.index[f]);
    const before = Object.fromEntries(order.map((f) => [f, postings(index.index[f].root)]));
    const count = (field, term, ref) => {
        const tf = before[field].get(term)?.get(ref) || 0;
        return Math.round(tf * tf);
    };
    for (const [i, field] of order.entries()) {
        const previous = order[i - 1];
        const own = new Map();
        for (const [term, byDoc] of before[field]) {
            for (const ref of byDoc.keys()) {
                const n = count(field, term, ref) - (previous ? count(previous, term, ref) : 0);
                if (n <= 0) continue;
                if (!own.has(term)) own.set(term, new Map());
                own.get(term).set(ref, n);
            }
        }
        index.index[field] = trie(own);
    }
    const json = JSON.stringify(search);
    const processed = `${MARK}window.search = Object.assign(window.search, JSON.parse('${json.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'));\n`;
    if (JSON.stringify(load(processed)) !== json) {
        throw new Error("the processed index does not read back the same");
    }
    return processed;
}

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
export const size = (s) => `${kb(Buffer.byteLength(s))} (${kb(gzipSync(s).length)} gzipped)`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const dir = process.argv[2] || "book";
    const name = readdirSync(dir).find((f) => /^searchindex(-[0-9a-f]+)?\.js$/.test(f));
    if (!name) {
        console.error(`search-index: no searchindex*.js in ${dir}; run mdbook build first`);
        process.exit(1);
    }
    const path = join(dir, name);
    const original = readFileSync(path, "utf8");
    if (original.startsWith(MARK)) {
        console.log(`search-index: ${path} is already processed`);
        process.exit(0);
    }
    const processed = shrink(original);
    writeFileSync(path, processed);
    console.log(`search-index: ${path}: ${size(original)} -> ${size(processed)}`);
}
