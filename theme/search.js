// Search that understands Korean, with the search box mdBook already has.
//
// mdBook builds an elasticlunr index whose pipeline trims every term with an ASCII-only
// \W: Hangul counts as "not a word character", so "소켓" is trimmed to nothing and a
// Korean query finds no page. The index still stores each section's full text (for the
// result teasers), so this script wraps the index's search:
// - a query with Hangul in it is answered by substring search over that stored text, with
//   the particles Korean attaches to nouns (소켓을, 소켓의, 소켓에서 ...) taken off the
//   query, and ranked title > breadcrumbs > body, whole phrase first;
// - every other query goes to elasticlunr as before;
// - on a page of one language, results come from that language's pages only.
(function () {
    "use strict";

    if (!window.elasticlunr || !elasticlunr.Index) {
        return;
    }
    const match = window.location.pathname.match(/\/(en|ko)\/[^/]*$/);
    const lang = match ? match[1] : null;
    const HANGUL = /[\u1100-\u11FF\u3131-\u318E\uAC00-\uD7A3]/;
    // Longest first, so that 에서 is taken off before 서 could be.
    const PARTICLES = ["에서는", "으로는", "에서", "에게", "으로", "부터", "까지", "이란", "란",
        "과", "와", "을", "를", "이", "가", "은", "는", "의", "에", "로", "도", "만"];

    function stem(term) {
        for (const p of PARTICLES) {
            if (term.length > p.length + 1 && term.endsWith(p)) {
                return term.slice(0, -p.length);
            }
        }
        return term;
    }

    function count(haystack, needle) {
        if (!haystack || !needle) {
            return 0;
        }
        let n = 0;
        let at = haystack.indexOf(needle);
        while (at !== -1 && n < 20) {
            n++;
            at = haystack.indexOf(needle, at + needle.length);
        }
        return n;
    }

    function koreanSearch(index, query) {
        const phrase = query.replace(/\u200b/g, "").trim().toLowerCase();
        const terms = phrase.split(/\s+/).filter(Boolean).map(stem);
        const docs = index.documentStore.docs;
        const results = [];
        Object.keys(docs).forEach(function (ref) {
            const doc = docs[ref];
            const title = (doc.title || "").toLowerCase();
            const crumbs = (doc.breadcrumbs || "").toLowerCase();
            const body = (doc.body || "").toLowerCase();
            let score = 0;
            let matched = 0;
            terms.forEach(function (term) {
                const s = 10 * count(title, term) + 3 * count(crumbs, term) + count(body, term);
                if (s > 0) {
                    matched++;
                    score += s;
                }
            });
            if (matched === 0) {
                return;
            }
            // Sections with every word come first, the exact phrase before that.
            score *= matched / terms.length;
            if (terms.length > 1 && (title + " " + body).includes(phrase)) {
                score *= 3;
            }
            results.push({ ref: ref, score: score, doc: doc });
        });
        return results.sort((a, b) => b.score - a.score);
    }

    // The prototype, not Index.load: when the page opens with ?search=..., mdBook may load
    // and build the index before this script runs, and a patched prototype reaches that
    // index too.
    const plain = elasticlunr.Index.prototype.search;
    elasticlunr.Index.prototype.search = function (query, options) {
        let results = HANGUL.test(query) ? koreanSearch(this, query) : plain.call(this, query, options);
        const urls = window.search && window.search.doc_urls;
        if (lang && urls) {
            results = results.filter((r) => String(urls[r.ref]).startsWith(lang + "/"));
        }
        return results;
    };

    // If the page opened with ?search=... and mdBook answered it before this script ran,
    // the answer came from the unpatched search. Asking again with an invisible change
    // (mdBook skips a search for the same words) gets the Korean-aware answer.
    const bar = document.getElementById("mdbook-searchbar");
    if (bar && HANGUL.test(bar.value) && window.search && window.search.index) {
        const words = bar.value;
        bar.value = words + "\u200b";
        bar.dispatchEvent(new KeyboardEvent("keyup"));
        bar.value = words;
    }
})();
