// One printed book per language.
//
// mdBook's print.html holds every page of the book, and this book holds every page twice.
// The print button of a page leads to print.html?lang=en or print.html?lang=ko (the
// page's language), and print.html keeps only that language's chapters, and the landing
// page's part in that language, before the widgets are drawn and before mdBook opens the
// print dialog. <html lang> then says the language of everything on the page, so each quiz
// and stepper speaks the language of its chapter. Opened without ?lang, print.html prints
// the language read last (or English). Without JavaScript, print.html prints both.
//
// Runs after lang.js and before the widgets (quiz.js, lifecycle.js), which read <html lang>.
(function () {
    "use strict";

    const KEY = "course-lang";
    const PRINT = { en: "Print the whole book (English)", ko: "책 전체 인쇄(한국어)" };

    function remembered() {
        try {
            const v = localStorage.getItem(KEY);
            return v === "en" || v === "ko" ? v : null;
        } catch (e) {
            return null;
        }
    }

    const pageLang = (window.location.pathname.match(/\/(en|ko)\/[^/]*$/) || [])[1] || null;

    // The print button of every page carries the language of the page (or, on the landing
    // page, the language read last).
    function linkPrintButtons(lang) {
        document.querySelectorAll('a[href$="print.html"]').forEach(function (a) {
            a.setAttribute("href", a.getAttribute("href") + "?lang=" + lang);
            a.title = PRINT[lang];
            a.setAttribute("aria-label", PRINT[lang]);
        });
    }

    // A chapter of print.html is in Korean when its title (its first <h1>) has Hangul.
    const HANGUL = /[\uAC00-\uD7A3]/;

    function keepOneLanguage(lang) {
        const main = document.querySelector("main");
        if (!main) {
            return;
        }
        document.documentElement.lang = lang;
        // mdBook separates the pages with an empty page-break <div>.
        const pages = [[]];
        Array.from(main.childNodes).forEach(function (node) {
            if (node.nodeType === 1 && node.tagName === "DIV" && /break-before/.test(node.getAttribute("style") || "")) {
                pages.push([node]);
            } else {
                pages[pages.length - 1].push(node);
            }
        });
        pages.forEach(function (nodes, i) {
            const title = nodes.find((n) => n.nodeType === 1 && (n.tagName === "H1" || n.querySelector && n.querySelector("h1")));
            const h1 = title && (title.tagName === "H1" ? title : title.querySelector("h1"));
            if (i === 0) {
                // The landing page holds both languages, each in a part that says which.
                main.querySelectorAll(".front > [lang]").forEach(function (part) {
                    if (part.getAttribute("lang") !== lang) {
                        part.remove();
                    }
                });
                return;
            }
            const chapterLang = h1 && HANGUL.test(h1.textContent) ? "ko" : "en";
            if (chapterLang !== lang) {
                nodes.forEach((n) => n.remove());
            }
        });
        // The first chapter kept must not start with a page break of its own.
        const first = main.querySelector('div[style*="break-before"]');
        if (first && !first.previousElementSibling) {
            first.remove();
        }
        // The table of contents: only this language's part, as lang.js does on a page.
        const PARTS = { "English": "en", "한국어": "ko" };
        document.querySelectorAll("#mdbook-sidebar ol.chapter").forEach(function (list) {
            let current = null;
            Array.from(list.children).forEach(function (item) {
                if (item.classList.contains("part-title")) {
                    current = PARTS[item.textContent.trim()] || null;
                }
                if (current && current !== lang) {
                    item.classList.add("lang-hidden");
                }
            });
        });
        document.title = lang === "ko" ? "소켓 프로그래밍(인쇄용)" : "Sockets in Rust (printable)";
    }

    if (/\/print\.html$/.test(window.location.pathname)) {
        const asked = new URLSearchParams(window.location.search).get("lang");
        const lang = asked === "en" || asked === "ko" ? asked : remembered() || "en";
        keepOneLanguage(lang);
        linkPrintButtons(lang);
    } else {
        linkPrintButtons(pageLang || remembered() || "en");
    }
})();
