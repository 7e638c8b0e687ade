// The chapter quizzes (theme/quiz.js), on fixture pages that load the built book's own
// stylesheets and quiz.js with questions written for the test, and on a real chapter:
// short answers are compared after normalising what does not matter (case, spaces, a
// trailing `()`, `Type::` prefixes, digit separators, units in either language); a near miss
// says what was expected without calling the answer wrong; each question can be tried
// again on its own; options are shuffled, the same way on every visit of the same reader;
// the options themselves carry ✓ and ✗; and the verdict reads at 4.5:1 or better in every
// theme of mdBook.
//
// Run after `mdbook build`:  node --test tests/browser/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { BOOK, CONTRAST, THEMES, serveBook, startBrowser } from "./support.mjs";

let site;
let browser;

// Short-answer questions: the accepted answers (as a chapter writes them), what a reader
// types, and the verdict it must get.
const SHORT = {
    en: [
        ["shutdown(Write) | shutdown(Shutdown::Write) | Shutdown::Write | shutdown", "shutdown()", "correct"],
        ["shutdown(Write) | shutdown(Shutdown::Write) | Shutdown::Write | shutdown", "Shutdown::Write", "correct"],
        ["shutdown(Write) | shutdown(Shutdown::Write) | Shutdown::Write | shutdown", "stream.shutdown(Shutdown::Write);", "correct"],
        ["shutdown(Write) | shutdown(Shutdown::Write) | Shutdown::Write | shutdown", "TcpStream::shutdown", "correct"],
        ["shutdown(Write) | shutdown(Shutdown::Write) | Shutdown::Write | shutdown", "Shutdown::Read", "wrong"],
        ["epoll | epoll_wait", "epoll()", "correct"],
        ["65507 | 65,507", "65,507 bytes", "correct"],
        ["65507 | 65,507", "65507 bytes", "correct"],
        ["45", "45 fragments", "correct"],
        ["405 & Allow", "Allow, 405", "correct"],
        ["405 & Allow", "405 Method Not Allowed", "wrong"],
        ["425984 | 425,984", "425985", "wrong"],
        ["\\r\\n | CRLF | CR LF", "CR LF (\\r\\n)", "correct"],
        ["405 Allow | 405, Allow | 405 and Allow | 405 with Allow", "405 Method Not Allowed, Allow", "correct"],
        ["SO_REUSEADDR | set_reuse_address | reuseaddr", "  so_reuseaddr ", "correct"],
        ["CLOSE-WAIT | CLOSE_WAIT | CLOSEWAIT | CLOSE WAIT", "CLOSE_WIAT", "near"],
        ["65507 | 65,507", "65535", "wrong"],
        ["epoll | epoll_wait", "select", "wrong"],
    ],
    ko: [
        ["2 | two", "2개", "correct"],
        ["2 | two", "2자", "correct"],
        ["2 | two", "2 글자", "correct"],
        ["45", "45개", "correct"],
        ["65507 | 65,507", "65,507바이트", "correct"],
        ["\\r\\n | CRLF | CR LF", "CR LF (\\r\\n)", "correct"],
        ["CLOSE-WAIT | CLOSE_WAIT | CLOSEWAIT | CLOSE WAIT", "CLOSE_WIAT", "near"],
        ["45", "44", "wrong"],
    ],
};

// Multiple-choice questions with four options each, the right one first in the source.
const CHOICE = {
    en: Array.from({ length: 6 }, (_, i) => [`Question ${i + 1}?`, [`right ${i + 1}`, `wrong a${i + 1}`, `wrong b${i + 1}`, `wrong c${i + 1}`]]),
    ko: Array.from({ length: 6 }, (_, i) => [`질문 ${i + 1}은 무엇일까요?`, [`정답 ${i + 1}`, `오답 가${i + 1}`, `오답 나${i + 1}`, `오답 다${i + 1}`]]),
};

function quizSource(lang) {
    const lines = [];
    SHORT[lang].forEach(([accepted], i) => {
        lines.push(`? Short ${i + 1}`, `= ${accepted}`, `> Explanation ${i + 1}.`, "");
    });
    CHOICE[lang].forEach(([prompt, options]) => {
        lines.push(`? ${prompt}`);
        options.forEach((o, n) => lines.push(`- [${n === 0 ? "x" : " "}] ${o}`));
        lines.push(`> Because ${options[0]}.`, "");
    });
    return lines.join("\n");
}

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function fixture(lang) {
    const css = (await readdir(join(BOOK, "css"))).filter((f) => /^(variables|general|chrome)-.*\.css$/.test(f));
    const theme = await readdir(join(BOOK, "theme"));
    const own = (prefix, ext) => theme.find((f) => f.startsWith(prefix + "-") && f.endsWith(ext));
    return `<!DOCTYPE html>
<html lang="${lang}" class="light js">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${css.map((f) => `<link rel="stylesheet" href="/css/${f}">`).join("\n")}
<link rel="stylesheet" href="/theme/${own("widgets", ".css")}">
</head>
<body><div id="mdbook-content" class="content"><main>
<h2 id="quiz">Quiz</h2>
<pre><code class="language-text quiz">${escape(quizSource(lang))}</code></pre>
</main></div>
<script src="/theme/${own("quiz", ".js")}"></script>
</body></html>`;
}

before(async () => {
    site = await serveBook(undefined, {
        extra: {
            "/__fixture/en/quiz.html": { type: "text/html; charset=utf-8", body: await fixture("en") },
            "/__fixture/ko/quiz.html": { type: "text/html; charset=utf-8", body: await fixture("ko") },
        },
    });
    browser = await startBrowser();
});

after(async () => {
    if (browser) await browser.quit();
    if (site) await site.close();
});

// The reader id that seeds the shuffle is fixed, so that every run sees the same order.
async function openFixture(lang, { fresh = true } = {}) {
    await browser.goto(`${site.url}__fixture/${lang}/quiz.html`);
    if (fresh) {
        await browser.run("localStorage.clear(); localStorage.setItem('quiz-reader', 'test-reader')");
        await browser.refresh();
    }
    await browser.until("return document.querySelectorAll('.quiz .quiz-question').length", "the fixture quiz");
}

const question = (n) => `.quiz .quiz-questions > li:nth-child(${n + 1})`;

async function answerShort(n, text) {
    await browser.type(`${question(n)} input[type=text]`, text);
    await browser.clickCss(`${question(n)} .quiz-check`);
}

const STATE = (n) => `return document.querySelector('${question(n)}').dataset.state`;
const FEEDBACK = (n) => `return document.querySelector('${question(n)} .quiz-feedback').textContent`;

test("short answers are compared after normalising case, spaces, (), Type::, separators and units", async () => {
    const problems = [];
    for (const lang of ["en", "ko"]) {
        await openFixture(lang);
        for (const [i, [accepted, typed, expected]] of SHORT[lang].entries()) {
            await answerShort(i, typed);
            const state = await browser.run(STATE(i));
            if (state !== expected) problems.push(`${lang}: "${typed}" for "${accepted}" is ${state}, not ${expected}`);
        }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});

test("a near miss says what was expected, without calling the answer wrong", async () => {
    for (const lang of ["en", "ko"]) {
        await openFixture(lang);
        const i = SHORT[lang].findIndex(([, , expected]) => expected === "near");
        await answerShort(i, SHORT[lang][i][1]);
        const text = await browser.run(FEEDBACK(i));
        assert.match(text, /CLOSE-WAIT/, `${lang}: the near miss's feedback does not say what was expected: ${text}`);
        assert.doesNotMatch(text, lang === "en" ? /wrong|not quite|incorrect/i : /틀렸|오답/, `${lang}: the near miss is called wrong: ${text}`);
    }
});

test("a wrong answer can be tried again, one question at a time", async () => {
    for (const lang of ["en", "ko"]) {
        await openFixture(lang);
        const right = SHORT[lang].findIndex(([, , e]) => e === "correct");
        const wrong = SHORT[lang].findIndex(([, , e]) => e === "wrong");
        await answerShort(right, SHORT[lang][right][1]);
        await answerShort(wrong, SHORT[lang][wrong][1]);
        assert.equal(await browser.run(STATE(wrong)), "wrong");
        const again = await browser.run(`return Array.from(document.querySelectorAll('${question(wrong)} button'))
            .filter((b) => b.offsetParent !== null && !b.disabled).map((b) => b.textContent)`);
        const label = lang === "en" ? "Try again" : "다시 풀기";
        assert.ok(again.includes(label), `${lang}: no "${label}" button on the wrong answer, only ${JSON.stringify(again)}`);
        await browser.run(`Array.from(document.querySelectorAll('${question(wrong)} button')).find((b) => b.textContent === arguments[0]).click()`, label);
        assert.equal(await browser.run(STATE(wrong)), "unanswered", `${lang}: Try again did not reset the question`);
        assert.equal(await browser.run(STATE(right)), "correct", `${lang}: Try again reset another question too`);
        const typed = await browser.run(`return document.querySelector('${question(wrong)} input[type=text]').disabled`);
        assert.equal(typed, false, `${lang}: the answer field stays disabled after Try again`);
        await answerShort(wrong, SHORT[lang].find(([a, , e]) => e === "correct" && a === SHORT[lang][wrong][0])?.[1] || "45");
    }
});

const ORDER = `return Array.from(document.querySelectorAll('.quiz .quiz-choices')).map((ul) =>
    Array.from(ul.querySelectorAll('li')).map((li) => li.querySelector('label span').textContent))`;

test("options are shuffled, the same way each time for the same reader", async () => {
    for (const lang of ["en", "ko"]) {
        await openFixture(lang);
        const first = await browser.run(ORDER);
        assert.equal(first.length, CHOICE[lang].length);
        const moved = first.filter((order, q) => order.join("|") !== CHOICE[lang][q][1].join("|")).length;
        assert.ok(moved > 0, `${lang}: every question shows its options in the written order`);
        const rightFirst = first.filter((order) => order[0].startsWith(lang === "en" ? "right" : "정답")).length;
        assert.ok(rightFirst < first.length, `${lang}: the right option comes first in every question`);
        await browser.refresh();
        await browser.until("return document.querySelectorAll('.quiz .quiz-question').length", "the quiz again");
        assert.deepEqual(await browser.run(ORDER), first, `${lang}: the order changed on a reload`);
    }
});

// The marks on the options of question `n`: [text of the option, mark] for each option.
const MARKS = (n) => `return Array.from(document.querySelectorAll('${question(n)} .quiz-choices li')).map((li) => [
    li.querySelector('label span').textContent,
    (li.querySelector('.quiz-mark') || { textContent: '' }).textContent.trim(),
])`;

test("the options themselves show ✓ on the right one and ✗ on a wrong pick", async () => {
    for (const lang of ["en", "ko"]) {
        await openFixture(lang);
        const base = SHORT[lang].length;
        const rightWord = lang === "en" ? "right" : "정답";
        // A wrong pick on the first choice question, the right pick on the second.
        await browser.run(`Array.from(document.querySelectorAll('${question(base)} .quiz-choices li'))
            .find((li) => !li.textContent.includes(arguments[0])).querySelector('input').click()`, rightWord);
        await browser.clickCss(`${question(base)} .quiz-check`);
        await browser.run(`Array.from(document.querySelectorAll('${question(base + 1)} .quiz-choices li'))
            .find((li) => li.textContent.includes(arguments[0])).querySelector('input').click()`, rightWord);
        await browser.clickCss(`${question(base + 1)} .quiz-check`);
        const wrongPick = await browser.run(MARKS(base));
        const picked = await browser.run(`return Array.from(document.querySelectorAll('${question(base)} .quiz-choices li'))
            .filter((li) => li.querySelector('input').checked).map((li) => li.querySelector('label span').textContent)`);
        for (const [text, mark] of wrongPick) {
            const expected = text.startsWith(rightWord) ? "✓" : picked.includes(text) ? "✗" : "";
            assert.equal(mark, expected, `${lang}: option "${text}" after a wrong pick is marked "${mark}"`);
        }
        for (const [text, mark] of await browser.run(MARKS(base + 1))) {
            assert.equal(mark, text.startsWith(rightWord) ? "✓" : "", `${lang}: option "${text}" after a right pick is marked "${mark}"`);
        }
    }
});

test("the verdict and the marks read at 4.5:1 or better in every theme", async () => {
    const problems = [];
    await openFixture("en");
    // One question of each verdict, and options marked both ways.
    for (const [i, [, typed, expected]] of SHORT.en.entries()) {
        if (["correct", "near", "wrong"].includes(expected) && !(await browser.run(`return document.querySelector('.quiz [data-state="${expected}"]') !== null`))) {
            await answerShort(i, typed);
        }
    }
    const base = SHORT.en.length;
    await browser.run(`Array.from(document.querySelectorAll('${question(base)} .quiz-choices li'))
        .find((li) => !li.textContent.includes('right')).querySelector('input').click()`);
    await browser.clickCss(`${question(base)} .quiz-check`);
    for (const theme of THEMES) {
        await browser.theme(theme);
        const ratios = await browser.run(CONTRAST + `
            return Array.from(document.querySelectorAll('.quiz .quiz-verdict, .quiz .quiz-mark'))
                .filter((el) => el.textContent.trim() !== '')
                .map((el) => [(el.closest('[data-state]') || {}).dataset?.state + ' ' + el.className, el.textContent.trim().slice(0, 30), contrast(el)]);`);
        assert.ok(ratios.length >= 3, `${theme}: only ${ratios.length} verdicts and marks found`);
        for (const [what, text, ratio] of ratios) {
            if (ratio < 4.5) problems.push(`${theme}: ${what} "${text}" has contrast ${ratio}:1`);
        }
    }
    // And on a real chapter, where the quiz sits in the page's own colours.
    await browser.goto(`${site.url}ko/ch02-life-of-a-socket.html`);
    await browser.run("localStorage.clear()");
    await browser.refresh();
    await browser.until("return document.querySelector('.quiz .quiz-choices input')", "a chapter quiz");
    await browser.clickCss(".quiz .quiz-choices input");
    await browser.clickCss(".quiz .quiz-check");
    for (const theme of THEMES) {
        await browser.theme(theme);
        const ratio = await browser.run(CONTRAST + "return contrast(document.querySelector('.quiz .quiz-verdict'))");
        if (ratio < 4.5) problems.push(`ko/ch02, ${theme}: the verdict has contrast ${ratio}:1`);
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});
