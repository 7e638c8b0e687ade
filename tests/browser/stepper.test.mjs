// The socket lifecycle stepper (theme/lifecycle.js) as a reader uses it, on a phone and on a
// desktop, in both languages: its height and the place of its buttons stay put from step to
// step (so Next stays under the thumb), a click never drops the focus to <body> (also when
// Next becomes disabled at the last step), the arrow keys on a focused stepper button move
// the stepper and not the page (mdBook turns the page on ← and →), and its labels are not
// headings (they would break the chapter's heading order).
//
// Run after `mdbook build`:  node --test tests/browser/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { KEY, serveBook, startBrowser } from "./support.mjs";

const SIZES = [
    [390, 844],
    [1280, 900],
];
const PAGE = "ch02-life-of-a-socket.html";

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

async function open(lang) {
    await browser.goto(`${site.url}${lang}/${PAGE}`);
    await browser.until("return document.querySelector('.lifecycle [data-go=next]')", "the stepper");
    await browser.run("document.querySelector('.lifecycle').scrollIntoView({ block: 'center' })");
}

// The stepper's height, and where its Next button sits relative to the stepper's top.
const MEASURE = `
    const root = document.querySelector(".lifecycle");
    const box = root.getBoundingClientRect();
    const next = root.querySelector("[data-go=next]").getBoundingClientRect();
    return { step: Number(root.dataset.step), height: Math.round(box.height), next: Math.round(next.top - box.top) };
`;

// Whether a stepper button is disabled: `disabled`, or `aria-disabled` (which keeps the focus).
const DISABLED = (go) => `const b = document.querySelector('.lifecycle [data-go=${go}]');
    return b.disabled || b.getAttribute('aria-disabled') === 'true';`;

// Where the focus is: inside the stepper (and on what), or somewhere else.
const FOCUS = `
    const a = document.activeElement;
    if (!a || a === document.body || a === document.documentElement) return "body";
    return a.closest(".lifecycle") ? "stepper:" + (a.dataset.go || a.tagName.toLowerCase()) : "elsewhere:" + a.tagName.toLowerCase();
`;

for (const [width, height] of SIZES) {
    test(`the stepper keeps its height and its buttons in place at ${width}×${height}`, async () => {
        await browser.viewport(width, height);
        const problems = [];
        for (const lang of ["en", "ko"]) {
            await open(lang);
            // Every step, measured in one go (the clicks are the stepper's own handlers).
            const seen = await browser.run(`
                const measure = () => { ${MEASURE} };
                const root = document.querySelector(".lifecycle");
                const next = root.querySelector("[data-go=next]");
                const seen = [measure()];
                for (let i = 0; i < 100 && !(next.disabled || next.getAttribute("aria-disabled") === "true"); i++) {
                    next.click();
                    seen.push(measure());
                }
                return seen;`);
            assert.ok(seen.length > 10, `${lang}: only ${seen.length} steps`);
            const first = seen[0];
            for (const s of seen) {
                if (Math.abs(s.height - first.height) > 1) {
                    problems.push(`${lang}: step ${s.step} is ${s.height} px tall, step ${first.step} ${first.height} px`);
                }
                if (Math.abs(s.next - first.next) > 1) {
                    problems.push(`${lang}: at step ${s.step} Next is ${s.next} px below the top, at step ${first.step} ${first.next} px`);
                }
            }
        }
        assert.deepEqual(problems, [], problems.join("\n"));
    });
}

test("a click on the stepper never leaves the focus on <body>, also at the first and last step", async () => {
    await browser.viewport(390, 844);
    const problems = [];
    for (const lang of ["en", "ko"]) {
        await open(lang);
        // Forward to the end, the last few steps clicked as a reader clicks: Next is
        // disabled on the last step.
        await browser.run(`const next = document.querySelector(".lifecycle [data-go=next]");
            for (let i = 0; i < 10; i++) next.click();`);
        for (let i = 0; i < 100; i++) {
            if (await browser.run(DISABLED("next"))) break;
            await browser.clickCss(".lifecycle [data-go=next]");
            const focus = await browser.run(FOCUS);
            if (!focus.startsWith("stepper:")) {
                const step = await browser.run("return document.querySelector('.lifecycle').dataset.step");
                problems.push(`${lang}: after Next to step ${step}, the focus is on ${focus}`);
            }
        }
        // One more click on the disabled Next: nothing happens, the focus stays.
        await browser.clickCss(".lifecycle [data-go=next]");
        if (!(await browser.run(FOCUS)).startsWith("stepper:")) problems.push(`${lang}: a click on the disabled Next loses the focus`);
        await browser.run(`const back = document.querySelector(".lifecycle [data-go=back]");
            for (let i = 0; i < 10; i++) back.click();`);
        // Back to the start: Back is disabled on the first step.
        for (let i = 0; i < 100; i++) {
            if (await browser.run(DISABLED("back"))) break;
            await browser.clickCss(".lifecycle [data-go=back]");
            const focus = await browser.run(FOCUS);
            if (!focus.startsWith("stepper:")) {
                const step = await browser.run("return document.querySelector('.lifecycle').dataset.step");
                problems.push(`${lang}: after Back to step ${step}, the focus is on ${focus}`);
            }
        }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});

test("← and → on a focused stepper button move the stepper, not the page", async () => {
    await browser.viewport(1280, 900);
    for (const lang of ["en", "ko"]) {
        await open(lang);
        const page = await browser.url();
        await browser.clickCss(".lifecycle [data-go=next]");
        assert.equal(await browser.run("return document.querySelector('.lifecycle').dataset.step"), "1");
        await browser.keys(".lifecycle [data-go=next]", KEY.right);
        await new Promise((ok) => setTimeout(ok, 300));
        assert.equal(await browser.url(), page, `${lang}: → on the stepper turned the page`);
        assert.equal(await browser.run("return document.querySelector('.lifecycle').dataset.step"), "2", `${lang}: → did not step forward`);
        await browser.keys(".lifecycle [data-go=next]", KEY.left);
        await new Promise((ok) => setTimeout(ok, 300));
        assert.equal(await browser.url(), page, `${lang}: ← on the stepper turned the page`);
        assert.equal(await browser.run("return document.querySelector('.lifecycle').dataset.step"), "1", `${lang}: ← did not step back`);
    }
});

test("the stepper's Client / On the wire / Server labels are not headings", async () => {
    for (const lang of ["en", "ko"]) {
        await open(lang);
        const headings = await browser.run(
            "return Array.from(document.querySelectorAll('.lifecycle h1, .lifecycle h2, .lifecycle h3, .lifecycle h4, .lifecycle h5, .lifecycle h6')).map((h) => h.outerHTML)",
        );
        assert.deepEqual(headings, [], `${lang}: headings inside the stepper`);
        // The labels are still there, as text.
        const text = await browser.run("return document.querySelector('.lifecycle').textContent");
        assert.match(text, lang === "ko" ? /클라이언트[\s\S]*서버/ : /Client[\s\S]*Server/);
    }
});
