// One book, two languages.
//
// The book holds every page twice, under en/ and ko/. This script makes reading one
// language feel like reading one book: the sidebar lists only that language's pages, the
// previous/next arrows never cross into the other language, and <html lang> says which
// language the page is in (for screen readers and fonts). Without JavaScript the sidebar
// lists both languages and every page still links to its twin, so nothing is lost.
(function () {
    "use strict";

    const match = window.location.pathname.match(/\/(en|ko)\/[^/]*$/);
    const lang = match ? match[1] : null;
    const KEY = "course-lang";

    if (lang) {
        document.documentElement.lang = lang;
        try {
            localStorage.setItem(KEY, lang);
        } catch (e) {
            // Storage can be disabled; the choice is then not remembered, nothing more.
        }
    }

    // The part titles in SUMMARY.md name the languages; every sidebar entry after one of
    // them belongs to that language, up to the next part title.
    const PARTS = { "English": "en", "한국어": "ko" };

    function filterSidebar() {
        if (!lang) {
            return;
        }
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
    }

    // Previous/next links that lead into the other language are removed (not only hidden,
    // since the arrow keys follow them too): the last English page has no "next", the first
    // Korean page no "previous".
    function fenceNavigation() {
        if (!lang) {
            return;
        }
        document.querySelectorAll("a.nav-chapters, a.mobile-nav-chapters").forEach(function (link) {
            const target = new URL(link.getAttribute("href"), window.location.href).pathname;
            const other = target.match(/\/(en|ko)\/[^/]*$/);
            if (!other || other[1] !== lang) {
                link.remove();
            }
        });
    }

    // The twin of this page: the same file in the other language's folder.
    function twinPath(target) {
        return window.location.pathname.replace(/\/(en|ko)\/([^/]*)$/, "/" + target + "/$2");
    }

    // The section being read: the last heading with an id that starts above the middle of
    // the top of the window. Section ids are the same in both languages, so it names the
    // same section on the twin page.
    function currentSection() {
        let found = window.location.hash ? window.location.hash.slice(1) : "";
        document.querySelectorAll("main h2[id], main h3[id]").forEach(function (h) {
            if (h.getBoundingClientRect().top < 120) {
                found = h.id;
            }
        });
        return found;
    }

    function goToTwin(event) {
        event.preventDefault();
        const target = lang === "en" ? "ko" : "en";
        try {
            localStorage.setItem(KEY, target);
        } catch (e) {
            // Not remembered; the link still works.
        }
        const section = currentSection();
        window.location.href = twinPath(target) + (section ? "#" + section : "");
    }

    // A language toggle in the menu bar, and the twin link at the top of the page, both
    // land on the same section of the other language.
    function addToggle() {
        if (!lang) {
            return;
        }
        const target = lang === "en" ? "ko" : "en";
        const label = target === "ko" ? "한국어" : "English";
        const bar = document.querySelector("#mdbook-menu-bar .right-buttons, .menu-bar .right-buttons");
        if (bar) {
            const toggle = document.createElement("a");
            toggle.className = "lang-toggle";
            toggle.href = twinPath(target);
            toggle.hreflang = target;
            toggle.lang = target;
            toggle.textContent = label;
            toggle.title = target === "ko" ? "이 페이지를 한국어로 읽기" : "Read this page in English";
            toggle.addEventListener("click", goToTwin);
            bar.insertBefore(toggle, bar.firstChild);
            // On a phone, lang.css then hides the twin link at the top of the page.
            document.documentElement.classList.add("has-lang-toggle");
        }
        document.querySelectorAll("p.twin a").forEach(function (link) {
            link.addEventListener("click", goToTwin);
        });
    }

    // The landing page honours a language chosen earlier: a reader who arrives from
    // elsewhere goes straight to that language. Following a link to the landing page from
    // inside the book shows the choice again.
    function honourChoice() {
        // Only the landing page: print.html and the 404 page have no language in their path
        // either, and must not send the reader away.
        if (lang || !/\/(index\.html)?$/.test(window.location.pathname)) {
            return;
        }
        let remembered = null;
        try {
            remembered = localStorage.getItem(KEY);
        } catch (e) {
            return;
        }
        let fromBook = false;
        try {
            fromBook = document.referrer !== "" && new URL(document.referrer).origin === window.location.origin;
        } catch (e) {
            fromBook = false;
        }
        if ((remembered === "en" || remembered === "ko") && !fromBook) {
            window.location.replace(remembered + "/ch00-introduction.html");
            return;
        }
        // The landing page's "next" arrows lead into the language read last (mdBook points
        // them at the first page in SUMMARY.md, which is English).
        if (remembered === "ko" || remembered === "en") {
            document.querySelectorAll("a.nav-chapters.next, a.mobile-nav-chapters.next").forEach(function (link) {
                link.setAttribute("href", link.getAttribute("href").replace(/(^|\/)(en|ko)\//, "$1" + remembered + "/"));
            });
        }
    }

    filterSidebar();
    fenceNavigation();
    addToggle();
    honourChoice();
})();
