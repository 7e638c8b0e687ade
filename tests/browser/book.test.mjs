// The built book, driven in headless Chromium (Debian's chromium and chromium-driver).
// Run after `mdbook build`:  node --test tests/browser/
//
// What a reader relies on: the language toggle lands on the same section of the twin page,
// the sidebar lists one language, a quiz answers in the page's language and remembers the
// answer, a Korean search finds Korean pages, the lifecycle stepper steps, and no page logs
// a console error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
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

async function pages(lang) {
    return (await readdir(join(BOOK, lang))).filter((f) => f.endsWith(".html")).sort();
}

test("the language toggle lands on the same section of the twin page", async () => {
    await browser.goto(`${site.url}en/ch02-life-of-a-socket.html#half-close`);
    await browser.clickCss("a.lang-toggle");
    const url = await browser.until("return location.pathname.includes('/ko/') && location.href", "the Korean page");
    assert.match(url, /\/ko\/ch02-life-of-a-socket\.html#half-close$/);
    const heading = await browser.run("return document.getElementById('half-close').textContent");
    assert.match(heading, /[가-힣]/, "the section on the twin page is in Korean");
    const lang = await browser.run("return document.documentElement.lang");
    assert.equal(lang, "ko");
    // And back, from the twin link at the top of the page (scrolled to, as a reader would).
    await browser.run("window.scrollTo(0, 0)");
    await browser.clickCss("p.twin a");
    const back = await browser.until("return location.pathname.includes('/en/') && location.href", "the English page");
    assert.match(back, /\/en\/ch02-life-of-a-socket\.html/);
});

test("the choice of language is remembered and the landing page honours it", async () => {
    await browser.goto(`${site.url}ko/ch00-introduction.html`);
    await browser.goto("about:blank");
    await browser.goto(`${site.url}index.html`);
    const url = await browser.until("return location.pathname.includes('/ko/') && location.href", "a redirect to Korean");
    assert.match(url, /\/ko\/ch00-introduction\.html$/);
});

test("while reading one language, the sidebar lists only that language", async () => {
    for (const lang of ["en", "ko"]) {
        const other = lang === "en" ? "ko" : "en";
        await browser.goto(`${site.url}${lang}/ch00-introduction.html`);
        const visible = await browser.until(
            `return Array.from(document.querySelectorAll('#mdbook-sidebar a[href]'))
                .filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))`,
            "sidebar links",
        );
        assert.ok(visible.some((h) => h.includes(`${lang}/`)), `no ${lang} page listed: ${visible}`);
        assert.ok(!visible.some((h) => h.includes(`${other}/`)), `${other} pages listed on a ${lang} page: ${visible}`);
    }
});

test("a quiz answer gives feedback in the page's language and survives a reload", async () => {
    for (const [lang, words] of [["ko", /정답|틀렸/], ["en", /Correct|Not quite/]]) {
        const page = `${site.url}${lang}/ch02-life-of-a-socket.html`;
        await browser.goto(page);
        await browser.run("localStorage.clear()");
        await browser.refresh();
        await browser.until("return document.querySelector('.quiz .quiz-question')", "a quiz");
        const button = await browser.run("return document.querySelector('.quiz .quiz-check').textContent");
        assert.equal(button, lang === "ko" ? "확인" : "Check");
        // Answer the first multiple-choice question with its first choice.
        await browser.clickCss(".quiz .quiz-choices input");
        await browser.clickCss(".quiz .quiz-check");
        const feedback = await browser.run("return document.querySelector('.quiz .quiz-feedback').textContent");
        assert.match(feedback, words);
        await browser.refresh();
        const state = await browser.until(
            "const q = document.querySelector('.quiz .quiz-question'); return q && q.dataset.state !== 'unanswered' && q.dataset.state",
            "the remembered answer",
        );
        assert.ok(state === "correct" || state === "wrong");
        const again = await browser.run("return document.querySelector('.quiz .quiz-feedback').textContent");
        assert.equal(again, feedback);
    }
});

test("a Korean search finds Korean pages", async () => {
    await browser.goto(`${site.url}ko/ch00-introduction.html?search=${encodeURIComponent("소켓")}`);
    const hrefs = await browser.until(
        `const links = Array.from(document.querySelectorAll('#mdbook-searchresults a')).map(a => a.getAttribute('href'));
         return links.length > 0 && links`,
        "search results",
    );
    assert.ok(hrefs.every((h) => h.includes("ko/")), `results outside the Korean pages: ${hrefs}`);
    assert.ok(hrefs.some((h) => h.includes("ko/ch02-life-of-a-socket")), `chapter 2 not found: ${hrefs}`);
    // Typed into the search box, as a reader does; a word with a particle attached still
    // finds the noun.
    await browser.goto(`${site.url}ko/ch02-life-of-a-socket.html`);
    await browser.clickCss("#mdbook-search-toggle");
    await browser.type("#mdbook-searchbar", "반쪽 닫기를");
    const typed = await browser.until(
        `const links = Array.from(document.querySelectorAll('#mdbook-searchresults a')).map(a => a.getAttribute('href'));
         return links.length > 0 && links`,
        "results for 반쪽 닫기를",
    );
    assert.ok(typed.some((h) => h.includes("#half-close")), `the half-close section not found: ${typed}`);
});

test("the lifecycle stepper walks through every TCP state of a connection, to the end", async () => {
    for (const lang of ["en", "ko"]) {
        await browser.goto(`${site.url}${lang}/ch02-life-of-a-socket.html`);
        await browser.until("return document.querySelector('.lifecycle [data-go=next]')", "the stepper");
        const seen = { client: [], server: [] };
        const record = async () => {
            for (const side of ["client", "server"]) {
                const shown = await browser.run(
                    `return Array.from(document.querySelectorAll('.lifecycle [data-side=${side}] .lifecycle-state, .lifecycle [data-side=${side}] .lifecycle-conn'))
                        .map((e) => (e.querySelector('.on') || e).textContent.trim())`,
                );
                seen[side].push(...shown);
            }
        };
        await record();
        // Click Next until it is disabled: the last step, whatever the number of steps.
        let clicks = 0;
        const nextDisabled = `const b = document.querySelector('.lifecycle [data-go=next]');
            return b.disabled || b.getAttribute('aria-disabled') === 'true';`;
        while (!(await browser.run(nextDisabled))) {
            assert.ok(clicks++ < 100, `${lang}: Next never gets disabled`);
            await browser.clickCss(".lifecycle [data-go=next]");
            await record();
        }
        // The active opener's states and the passive opener's (RFC 9293 §3.3.2). A server's
        // state is shown with its socket's name ("connected socket: SYN_RECV").
        const shows = (side, s) => seen[side].some((t) => t === s || t.endsWith(` ${s}`));
        for (const s of ["SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"]) {
            assert.ok(shows("client", s), `${lang}: the client never shows ${s}: ${seen.client}`);
        }
        for (const s of ["LISTEN", "SYN_RECV", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK"]) {
            assert.ok(shows("server", s), `${lang}: the server never shows ${s}: ${seen.server}`);
        }
        const step = Number(await browser.run("return document.querySelector('.lifecycle').dataset.step"));
        assert.ok(step > 0 && step === clicks, `${lang}: ended on step ${step} after ${clicks} clicks`);
    }
});

test("no page logs a console error", async () => {
    const problems = [];
    const all = ["index.html", ...(await pages("en")).map((p) => `en/${p}`), ...(await pages("ko")).map((p) => `ko/${p}`)];
    await browser.logs(); // drop what earlier tests logged
    for (const page of all) {
        await browser.goto(`${site.url}${page}`);
        await browser.until("return document.readyState === 'complete'", `${page} to load`);
        for (const entry of await browser.logs()) {
            if (entry.level === "SEVERE" || entry.level === "WARNING") {
                problems.push(`${page}: ${entry.level} ${entry.message}`);
            }
        }
    }
    assert.deepEqual(problems, []);
});

test("Korean pages break lines between words, never inside one", async () => {
    // STYLE.md: Korean is typeset with word-break: keep-all; English pages keep the default.
    for (const [lang, expected] of [["ko", "keep-all"], ["en", "normal"]]) {
        await browser.goto(`${site.url}${lang}/ch02-life-of-a-socket.html`);
        const rule = await browser.until(
            `return document.documentElement.lang === '${lang}' &&
                getComputedStyle(document.querySelector('.content p')).wordBreak`,
            `the ${lang} page's paragraphs`,
        );
        assert.equal(rule, expected, `${lang}: word-break of a paragraph`);
    }
});
