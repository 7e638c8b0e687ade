// Printing the book. mdBook's print.html holds every page, and this book holds every page in
// two languages: the print button of a page leads to print.html?lang=xx, which keeps only
// that language's chapters (theme/print.js). So each quiz and stepper there speaks the
// language of its own chapter, a quiz prints with its answers and explanations instead of
// empty controls, and the stepper prints all of its steps.
//
// Run after `mdbook build`:  node --test tests/browser/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { BOOK, serveBook, startBrowser } from "./support.mjs";

let site;
let browser;

before(async () => {
    site = await serveBook();
    browser = await startBrowser();
    await browser.viewport(1280, 900);
});

after(async () => {
    if (browser) {
        await browser.cdp("Emulation.setEmulatedMedia", { media: "" });
        await browser.quit();
    }
    if (site) await site.close();
});

const LANGS = ["en", "ko"];
const chapters = (lang) => readdirSync(join(BOOK, lang)).filter((f) => f.endsWith(".html"));

async function openPrint(lang) {
    // mdBook's print.html opens the print dialog once loaded; headless, it returns at once.
    await browser.goto(`${site.url}print.html?lang=${lang}`);
    await browser.until("return document.readyState === 'complete' && document.querySelector('.quiz')", `print.html?lang=${lang}`);
}

test("a page's print button leads to a printable book in the page's language", async () => {
    for (const lang of LANGS) {
        await browser.goto(`${site.url}${lang}/ch02-life-of-a-socket.html`);
        const href = await browser.run(`const a = document.querySelector('a[href*="print.html"]'); return a && a.getAttribute("href");`);
        assert.ok(href && href.endsWith(`print.html?lang=${lang}`), `the print button of a ${lang} page leads to ${href}`);
    }
});

test("print.html?lang=xx holds every chapter of that language and none of the other", async () => {
    for (const lang of LANGS) {
        await openPrint(lang);
        const page = await browser.run(`return {
            lang: document.documentElement.lang,
            titles: Array.from(document.querySelectorAll("main h1")).map((h) => h.textContent.trim()),
            front: Array.from(document.querySelectorAll("main .front > [lang]")).map((p) => p.getAttribute("lang")),
        };`);
        assert.equal(page.lang, lang, `<html lang> of print.html?lang=${lang}`);
        const korean = page.titles.filter((t) => /[\uAC00-\uD7A3]/.test(t) && !/Sockets in Rust/.test(t));
        const english = page.titles.filter((t) => !/[\uAC00-\uD7A3]/.test(t));
        const [own, other] = lang === "ko" ? [korean, english] : [english, korean];
        assert.deepEqual(other, [], `print.html?lang=${lang} also prints ${other.join(", ")}`);
        assert.equal(own.length, chapters(lang).length, `print.html?lang=${lang} prints ${own.length} of ${chapters(lang).length} chapters: ${own.join(", ")}`);
        assert.deepEqual(page.front, [lang], `the landing page's parts printed: ${page.front}`);
    }
});

// Each widget with the language of the chapter it sits in: the chapter's title (its <h1>)
// says which language that is.
const WIDGETS = `
    const out = [];
    document.querySelectorAll(".quiz, .lifecycle").forEach((w) => {
        let h = null;
        for (const h1 of document.querySelectorAll("main h1")) {
            if (h1.compareDocumentPosition(w) & Node.DOCUMENT_POSITION_FOLLOWING) h = h1;
        }
        const chapter = h ? h.textContent : "";
        out.push({
            kind: w.classList.contains("quiz") ? "quiz" : "stepper",
            chapter,
            lang: /[\\uAC00-\\uD7A3]/.test(chapter) ? "ko" : "en",
            buttons: Array.from(w.querySelectorAll("button")).map((b) => b.textContent.trim()),
        });
    });
    return out;
`;

test("in the printable book each quiz and stepper speaks the language of its own chapter", async () => {
    const problems = [];
    for (const lang of LANGS) {
        await openPrint(lang);
        const widgets = await browser.run(WIDGETS);
        assert.ok(widgets.some((w) => w.kind === "quiz"), `no quiz in print.html?lang=${lang}`);
        assert.ok(widgets.some((w) => w.kind === "stepper"), `no stepper in print.html?lang=${lang}`);
        for (const w of widgets) {
            const ui = w.kind === "quiz" ? (w.lang === "ko" ? "확인" : "Check") : w.lang === "ko" ? "다음" : "Next";
            if (!w.buttons.some((b) => b.includes(ui))) {
                problems.push(`${w.kind} in "${w.chapter}": buttons ${JSON.stringify(w.buttons.slice(0, 4))}, no "${ui}"`);
            }
        }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});

test("printed, a quiz shows its answers and explanations, and the stepper all of its steps", async () => {
    const problems = [];
    for (const lang of LANGS) {
        await openPrint(lang);
        await browser.cdp("Emulation.setEmulatedMedia", { media: "print" });
        try {
            const printed = await browser.run(`
                return Array.from(document.querySelectorAll(".quiz, .lifecycle")).map((w) => ({
                    kind: w.classList.contains("quiz") ? "quiz" : "stepper",
                    text: w.innerText,
                    controls: Array.from(w.querySelectorAll("button, input")).filter((c) => c.offsetParent !== null).length,
                    questions: w.querySelectorAll(".quiz-question").length,
                    keys: Array.from(w.querySelectorAll(".quiz-key")).filter((k) => k.offsetParent !== null && k.innerText.trim() !== "").length,
                }));`);
            for (const [i, w] of printed.entries()) {
                const name = `${lang} ${w.kind} ${i}`;
                if (w.controls > 0) problems.push(`${name}: ${w.controls} buttons or inputs are printed`);
                if (w.kind === "quiz" && (w.questions === 0 || w.keys !== w.questions)) {
                    problems.push(`${name}: ${w.keys} of ${w.questions} questions print their answer`);
                }
                if (w.kind === "stepper" && !/TIME_WAIT[\s\S]*LAST_ACK|LAST_ACK[\s\S]*TIME_WAIT/.test(w.text)) {
                    problems.push(`${name}: the printed stepper does not show every step`);
                }
            }
        } finally {
            await browser.cdp("Emulation.setEmulatedMedia", { media: "" });
        }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});
