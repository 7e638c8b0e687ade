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
// - on a page of one language, results come from that language's pages only; when that
//   language has none and the other has some ("소켓" on an English page), those are shown
//   under a heading ("한국어 결과 N개", "N results in English") instead of nothing;
// - teasers highlight every form of a Korean noun the search matched (소켓을 → 소켓, 소켓의,
//   소켓에서 ...), and so does the page a result leads to.
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
        const results = HANGUL.test(query) ? koreanSearch(this, query) : plain.call(this, query, options);
        const urls = window.search && window.search.doc_urls;
        if (!lang || !urls) {
            return results;
        }
        const inLang = (l) => results.filter((r) => String(urls[r.ref]).startsWith(l + "/"));
        const own = inLang(lang);
        const other = lang === "en" ? "ko" : "en";
        const theirs = own.length === 0 ? inLang(other) : [];
        // mdBook renders the results right after this returns; the heading goes in after.
        const shown = { query: query, other: theirs.length > 0 ? other : null };
        queueMicrotask(() => label(shown));
        return theirs.length > 0 ? theirs : own;
    };

    const OTHER = {
        // On an English page, Korean results.
        ko: {
            none: (q) => `No results in English for '${q}'.`,
            heading: (n) => `한국어 결과 ${n}개`,
        },
        // On a Korean page, English results.
        en: {
            none: (q) => `'${q}'에 대한 한국어 결과가 없습니다.`,
            heading: (n) => `${n} result${n === 1 ? "" : "s"} in English`,
        },
    };

    // After mdBook has shown the results: the heading over the other language's results (or
    // none), and links that highlight the stems of a Korean query on the page they open.
    function label(shown) {
        const list = document.getElementById("mdbook-searchresults");
        const header = document.getElementById("mdbook-searchresults-header");
        if (!list || !header) {
            return;
        }
        let heading = document.getElementById("search-other-language");
        if (shown.other) {
            if (!heading) {
                heading = document.createElement("p");
                heading.id = "search-other-language";
                heading.className = "search-other-language";
                list.parentNode.insertBefore(heading, list);
            }
            const text = OTHER[shown.other];
            const count = list.querySelectorAll(":scope > li").length;
            heading.lang = shown.other;
            heading.textContent = text.heading(count);
            header.textContent = text.none(shown.query.replace(/\u200b/g, "").trim());
        } else if (heading) {
            heading.remove();
        }
        if (HANGUL.test(shown.query)) {
            list.querySelectorAll("a[href]").forEach(function (a) {
                const m = a.getAttribute("href").match(/^([^?#]*)\?highlight=([^#&]*)(#.*)?$/);
                if (m) {
                    const terms = decodeURIComponent(m[2]).split(/\s+/).map(stem).join(" ");
                    a.setAttribute("href", `${m[1]}?highlight=${encodeURIComponent(terms).replace(/'/g, "%27")}${m[3] || ""}`);
                }
            });
        }
    }

    // Teasers: mdBook's searcher marks a word of a teaser when its stem starts with a query
    // term's stem, with elasticlunr's English stemmer. For Korean words, the stem is the
    // word without its particle, so "소켓을" marks 소켓, 소켓의 and 소켓에서 too. (The index
    // keeps the stemmer it was built with: this changes only what the teasers mark.)
    const english = elasticlunr.stemmer;
    elasticlunr.stemmer = function (word) {
        return HANGUL.test(word) ? stem(String(word).replace(/[^\p{L}\p{N}]+$/u, "")) : english(word);
    };

    // If the page opened with ?search=... and mdBook answered it before this script ran,
    // the answer came from the unpatched search. Asking again with an invisible change
    // (mdBook skips a search for the same words) gets the Korean-aware answer, from the
    // page's language or under the other language's heading.
    const bar = document.getElementById("mdbook-searchbar");
    if (bar && bar.value.trim() !== "" && window.search && window.search.index) {
        const words = bar.value;
        bar.value = words + "\u200b";
        bar.dispatchEvent(new KeyboardEvent("keyup"));
        bar.value = words;
    }
})();
