// Chapter quizzes: turns every quiz block into questions the reader answers in place.
//
// A quiz is written in the chapter's Markdown, in the page's language, as a fenced block
// with the info string `text,quiz` (highlight.js then treats it as plain text):
//
//   ? A question (inline `code` allowed)
//   - [ ] a wrong choice
//   - [x] a right choice (several may be right)
//   > The explanation shown once the question is answered.
//
//   ? A short-answer question
//   = accepted answer | another accepted form | part & other part
//   > Explanation.
//
// Short answers: `|` separates the accepted forms; the first is the one shown as the answer.
// A form with `&` accepts any answer that holds each part, in any order, as whole words
// ("405 & Allow" accepts "405 Method Not Allowed, Allow"). Both sides are normalised before
// they are compared (see normalize below): case, spaces, `_` and `-`, quotes and backticks,
// a trailing `()` or `;`, a receiver (`stream.`), module paths and `Type::` before a function
// (`TcpStream::shutdown`), digit separators (65,507), a unit after a number in either
// language (bytes, 바이트, 개, 자, 글자, ...), an HTTP reason phrase after its status code,
// and a parenthesised alternative ("CR LF (\r\n)": either half may match). An answer one
// or two letters away from an accepted form (a typo) is a near miss: the feedback gives the
// expected spelling without calling it wrong. Numbers must match exactly.
//
// Options are shuffled, the same way on every visit of the same reader (a random id kept in
// localStorage seeds it, with the question's text). Once answered, ✓ marks the right options
// and ✗ a wrong pick, and a wrong answer can be tried again on its own.
//
// Each answer is remembered in this browser (localStorage), so a reload shows what was
// already answered. The interface speaks the language of the chapter the quiz sits in (the
// nearest `lang` attribute). On paper the answers and explanations are printed. The block
// reaches the page as a <script type="text/x-quiz"> (theme/quiz-source.mjs, which keeps it
// out of the search index), so without JavaScript a quiz is not shown.
(function () {
    "use strict";

    const TEXT = {
        en: {
            check: "Check",
            correct: "Correct!",
            wrong: "Not quite.",
            near: "Almost: check the spelling.",
            expected: "Expected: ",
            answer: "Answer: ",
            again: "Try again",
            reset: "Start the quiz again",
            score: (right, answered, total) =>
                `${right} of ${total} correct` + (answered < total ? ` (${total - answered} not answered yet)` : ""),
            placeholder: "Your answer",
            choose: "Choose an answer first.",
            type: "Type an answer first.",
            several: "(choose all that apply)",
            rightMark: "right answer",
            wrongMark: "your pick, not right",
        },
        ko: {
            check: "확인",
            correct: "정답입니다!",
            wrong: "아쉽지만 틀렸습니다.",
            near: "거의 맞았습니다. 표기를 확인해 보세요.",
            expected: "정확한 표기: ",
            answer: "정답: ",
            again: "다시 풀기",
            reset: "퀴즈 처음부터 다시 풀기",
            score: (right, answered, total) =>
                `${total}문제 중 ${right}문제 정답` + (answered < total ? ` (아직 풀지 않은 문제 ${total - answered}개)` : ""),
            placeholder: "답을 입력하세요",
            choose: "먼저 답을 고르세요.",
            type: "먼저 답을 입력하세요.",
            several: "(해당하는 것을 모두 고르세요)",
            rightMark: "정답",
            wrongMark: "고른 답, 오답",
        },
    };

    function language(el) {
        const holder = el.closest("[lang]");
        return holder && holder.getAttribute("lang").startsWith("ko") ? "ko" : "en";
    }

    // Parses the quiz text into questions.
    function parse(source) {
        const questions = [];
        let q = null;
        source.split("\n").forEach(function (raw) {
            const line = raw.trimEnd();
            if (line.startsWith("? ")) {
                q = { prompt: line.slice(2), choices: [], answers: [], explanation: [] };
                questions.push(q);
            } else if (!q) {
                return;
            } else if (/^- \[[ xX]\] /.test(line)) {
                q.choices.push({ text: line.slice(6), right: line[3] !== " " });
            } else if (line.startsWith("= ")) {
                q.answers = line.slice(2).split("|").map((a) => a.trim()).filter(Boolean);
            } else if (line.startsWith(">")) {
                q.explanation.push(line.replace(/^> ?/, ""));
            }
        });
        return questions.filter((q) => q.choices.length > 0 || q.answers.length > 0);
    }

    function escapeHtml(s) {
        return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
    }

    // Inline `code` and **bold** only: quiz text is short and must stay plain.
    function inline(s) {
        return escapeHtml(s)
            .replace(/`([^`]+)`/g, "<code>$1</code>")
            .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
    }

    // ---- Short answers ------------------------------------------------------------------

    // Words that only name the unit of a number: "65,507 bytes", "45개", "2 글자".
    const UNITS = "bytes?|b|octets?|fragments?|characters?|chars?|segments?|packets?|datagrams?|times?|seconds?|secs?|s|ms|" +
        "바이트|개|자|글자|문자|번|초|밀리초|조각|단편|세그먼트|패킷";
    const UNIT_AFTER_NUMBER = new RegExp(`(\\d)\\s*(?:${UNITS})(?=$|[\\s,.;)])`, "gu");

    // The reason phrases of the status codes the course uses: "405 Method Not Allowed" is 405.
    const REASONS = ["continue", "ok", "created", "no content", "moved permanently", "found", "not modified",
        "bad request", "forbidden", "not found", "method not allowed", "request timeout", "length required",
        "content too large", "payload too large", "uri too long", "request header fields too large",
        "internal server error", "not implemented", "http version not supported", "service unavailable"];
    const REASON_AFTER_CODE = new RegExp(`\\b([1-5]\\d\\d)\\s+(?:${REASONS.join("|")})\\b`, "g");

    // One spelling of an answer, reduced to what matters.
    function normalize(s) {
        let v = s.normalize("NFKC").trim();
        // Rust paths, before case is lost: module paths (std::net::), a receiver (stream.)
        // and Type:: before a function (TcpStream::shutdown); Enum::Variant stays.
        v = v.replace(/\b[a-z_][a-z0-9_]*::(?=[A-Za-z_])/g, "");
        v = v.replace(/\b[A-Z][A-Za-z0-9_]*::(?=[a-z_])/g, "");
        v = v.replace(/\b[a-z_][a-z0-9_]*\.(?=[a-z_][a-z0-9_]*\()/g, "");
        v = v.toLowerCase();
        v = v.replace(/[`"'“”‘’]/g, "");
        v = v.replace(/(\d),(?=\d{3}\b)/g, "$1");
        v = v.replace(REASON_AFTER_CODE, "$1");
        v = v.replace(UNIT_AFTER_NUMBER, "$1");
        v = v.replace(/\(\s*\)/g, "");
        v = v.replace(/[.;:,!?]+$/, "");
        v = v.replace(/[\s_-]+/g, " ").trim();
        return v;
    }

    // The key two spellings are compared on: no spaces or separators at all.
    const key = (s) => normalize(s).replace(/[\s,;]+/g, "");

    // What a typed answer may stand for: itself, and both halves of "A (B)".
    function readings(typed) {
        const found = [typed];
        const m = typed.match(/^(.+?)\s*\(([^()]+)\)\s*$/);
        if (m) {
            found.push(m[1], m[2]);
        }
        return found;
    }

    // The whole words of an answer, for forms written with &.
    const words = (s) => normalize(s).split(/[\s,;/]+|(?<=\d)(?=[^\d\s])/u).filter(Boolean);

    function matches(form, typed) {
        if (form.includes("&")) {
            const have = new Set(words(typed));
            return form.split("&").every((part) => {
                const need = words(part);
                return need.length > 0 && need.every((w) => have.has(w));
            });
        }
        return key(form) === key(typed);
    }

    // Edit distance with transpositions (optimal string alignment), for near misses.
    function distance(a, b) {
        const d = Array.from({ length: a.length + 1 }, (_, i) => [i].concat(Array(b.length).fill(0)));
        for (let j = 1; j <= b.length; j++) d[0][j] = j;
        for (let i = 1; i <= a.length; i++) {
            for (let j = 1; j <= b.length; j++) {
                const cost = a[i - 1] === b[j - 1] ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length][b.length];
    }

    // "correct", "near" (a typo of an accepted form) or "wrong".
    function judge(answers, typed) {
        const tries = readings(typed);
        if (answers.some((form) => tries.some((t) => matches(form, t)))) {
            return "correct";
        }
        const digits = (s) => (s.match(/\d+/g) || []).join(" ");
        for (const form of answers.filter((f) => !f.includes("&"))) {
            const want = key(form);
            for (const t of tries) {
                const got = key(t);
                const letters = (want.match(/\p{L}/gu) || []).length;
                if (letters < 4 || digits(want) !== digits(got)) continue;
                if (distance(want, got) <= (want.length <= 8 ? 1 : 2)) return "near";
            }
        }
        return "wrong";
    }

    // ---- Shuffling ------------------------------------------------------------------------

    // A short, stable hash of a text.
    function hash(s) {
        let h = 5381;
        for (let i = 0; i < s.length; i++) {
            h = ((h << 5) + h + s.charCodeAt(i)) | 0;
        }
        return h >>> 0;
    }

    // This reader's id: random once, then kept, so each reader gets their own order and
    // keeps it. Without storage the order is still stable, only the same for everyone.
    function reader() {
        try {
            let id = localStorage.getItem("quiz-reader");
            if (!id) {
                id = Math.random().toString(36).slice(2, 10);
                localStorage.setItem("quiz-reader", id);
            }
            return id;
        } catch (e) {
            return "";
        }
    }

    // The options' indices in a stable pseudo-random order (mulberry32 seeds Fisher–Yates);
    // never the written order, which tends to put the answer first or second.
    function shuffled(n, seed) {
        let a = seed >>> 0;
        const random = function () {
            a = (a + 0x6d2b79f5) | 0;
            let t = Math.imul(a ^ (a >>> 15), 1 | a);
            t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const order = Array.from({ length: n }, (_, i) => i);
        for (let i = n - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [order[i], order[j]] = [order[j], order[i]];
        }
        if (n > 1 && order.every((v, i) => v === i)) {
            order.push(order.shift());
        }
        return order;
    }

    const storage = {
        get(key) {
            try {
                return JSON.parse(localStorage.getItem(key));
            } catch (e) {
                return null;
            }
        },
        set(key, value) {
            try {
                if (value === null) {
                    localStorage.removeItem(key);
                } else {
                    localStorage.setItem(key, JSON.stringify(value));
                }
            } catch (e) {
                // Storage disabled: answers are not remembered, nothing more.
            }
        },
    };

    // ---- The widget -----------------------------------------------------------------------

    function render(block, quizIndex) {
        const questions = parse(block.textContent);
        if (questions.length === 0) {
            return;
        }
        const lang = language(block);
        const t = TEXT[lang];
        const who = reader();
        const root = document.createElement("div");
        root.className = "quiz";
        root.setAttribute("lang", lang);
        const score = document.createElement("p");
        score.className = "quiz-score";
        score.setAttribute("aria-live", "polite");
        const list = document.createElement("ol");
        list.className = "quiz-questions";
        root.appendChild(score);
        root.appendChild(list);

        const keyOf = (i) => `quiz:${location.pathname}:${quizIndex}:${i}:${hash(questions[i].prompt).toString(36)}`;
        const items = [];

        function updateScore() {
            let right = 0;
            let answered = 0;
            questions.forEach(function (_, i) {
                const saved = storage.get(keyOf(i));
                if (saved) {
                    answered++;
                    if (saved.correct || saved.near) {
                        right++;
                    }
                }
            });
            score.textContent = t.score(right, answered, questions.length);
        }

        questions.forEach(function (q, i) {
            const multiple = q.choices.filter((c) => c.right).length > 1;
            const item = document.createElement("li");
            item.className = "quiz-question";
            item.dataset.state = "unanswered";
            const prompt = document.createElement("p");
            prompt.className = "quiz-prompt";
            prompt.innerHTML = inline(q.prompt) + (multiple ? ` <span class="quiz-several">${t.several}</span>` : "");
            item.appendChild(prompt);

            const inputs = [];
            const rows = [];
            let textInput = null;
            if (q.choices.length > 0) {
                const choices = document.createElement("ul");
                choices.className = "quiz-choices";
                shuffled(q.choices.length, hash(who + "\n" + q.prompt)).forEach(function (c) {
                    const choice = q.choices[c];
                    const li = document.createElement("li");
                    li.dataset.right = String(choice.right);
                    const label = document.createElement("label");
                    const input = document.createElement("input");
                    input.type = multiple ? "checkbox" : "radio";
                    input.name = `quiz-${quizIndex}-${i}`;
                    input.value = String(c);
                    label.appendChild(input);
                    const span = document.createElement("span");
                    span.className = "quiz-option";
                    span.innerHTML = inline(choice.text);
                    label.appendChild(span);
                    const mark = document.createElement("span");
                    mark.className = "quiz-mark";
                    mark.setAttribute("aria-hidden", "true");
                    label.appendChild(mark);
                    const said = document.createElement("span");
                    said.className = "visually-hidden";
                    label.appendChild(said);
                    li.appendChild(label);
                    choices.appendChild(li);
                    inputs.push(input);
                    rows.push({ li, input, mark, said, right: choice.right });
                });
                item.appendChild(choices);
            } else {
                textInput = document.createElement("input");
                textInput.type = "text";
                textInput.className = "quiz-answer";
                textInput.placeholder = t.placeholder;
                textInput.setAttribute("aria-label", t.placeholder);
                textInput.autocomplete = "off";
                textInput.spellcheck = false;
                textInput.addEventListener("keydown", function (e) {
                    if (e.key === "Enter") {
                        e.preventDefault();
                        check();
                    }
                });
            }

            const actions = document.createElement("div");
            actions.className = "quiz-actions";
            if (textInput) {
                actions.appendChild(textInput);
            }
            const button = document.createElement("button");
            button.type = "button";
            button.className = "quiz-check";
            button.textContent = t.check;
            actions.appendChild(button);
            const again = document.createElement("button");
            again.type = "button";
            again.className = "quiz-again";
            again.textContent = t.again;
            again.hidden = true;
            actions.appendChild(again);
            item.appendChild(actions);
            const feedback = document.createElement("div");
            feedback.className = "quiz-feedback";
            feedback.setAttribute("role", "status");
            item.appendChild(feedback);

            // On paper: the answer and why, in place of the controls.
            const printed = document.createElement("div");
            printed.className = "quiz-key";
            const why = q.explanation.map(inline).join(" ");
            printed.innerHTML = (textInput ? `<p><strong>${t.answer}</strong>${inline(q.answers[0])}</p>` : "") +
                (why ? `<p>${why}</p>` : "");
            item.appendChild(printed);

            function rightAnswer() {
                if (q.choices.length > 0) {
                    return q.choices.filter((c) => c.right).map((c) => inline(c.text)).join(", ");
                }
                return inline(q.answers[0]);
            }

            function show(saved) {
                rows.forEach(function (row) {
                    row.mark.textContent = "";
                    row.said.textContent = "";
                    delete row.li.dataset.mark;
                });
                if (!saved) {
                    item.dataset.state = "unanswered";
                    feedback.innerHTML = "";
                    inputs.forEach((input) => { input.checked = false; input.disabled = false; });
                    if (textInput) {
                        textInput.value = "";
                        textInput.disabled = false;
                    }
                    button.disabled = false;
                    button.hidden = false;
                    again.hidden = true;
                    return;
                }
                const state = saved.correct ? "correct" : saved.near ? "near" : "wrong";
                item.dataset.state = state;
                if (textInput) {
                    textInput.value = saved.value;
                    textInput.disabled = true;
                } else {
                    inputs.forEach((input) => {
                        input.checked = saved.value.includes(Number(input.value));
                        input.disabled = true;
                    });
                    rows.forEach(function (row) {
                        const mark = row.right ? "right" : row.input.checked ? "wrong" : "";
                        if (mark) {
                            row.li.dataset.mark = mark;
                            row.mark.dataset.mark = mark;
                            row.mark.textContent = mark === "right" ? "✓" : "✗";
                            row.said.textContent = ` (${mark === "right" ? t.rightMark : t.wrongMark})`;
                        }
                    });
                }
                button.disabled = true;
                button.hidden = true;
                again.hidden = state === "correct";
                const verdict = state === "correct" ? t.correct
                    : state === "near" ? `${t.near} ${t.expected}${rightAnswer()}`
                        : `${t.wrong} ${t.answer}${rightAnswer()}`;
                feedback.innerHTML = `<p class="quiz-verdict">${verdict}</p>` + (why ? `<p class="quiz-why">${why}</p>` : "");
            }

            function check() {
                let saved;
                if (textInput) {
                    const value = textInput.value;
                    if (value.trim() === "") {
                        feedback.innerHTML = `<p class="quiz-verdict">${t.type}</p>`;
                        return;
                    }
                    const verdict = judge(q.answers, value);
                    saved = { value: value, correct: verdict === "correct", near: verdict === "near" };
                } else {
                    const chosen = inputs.filter((x) => x.checked).map((x) => Number(x.value));
                    if (chosen.length === 0) {
                        feedback.innerHTML = `<p class="quiz-verdict">${t.choose}</p>`;
                        return;
                    }
                    const right = q.choices.map((c, n) => (c.right ? n : -1)).filter((n) => n >= 0);
                    const correct = chosen.length === right.length && right.every((n) => chosen.includes(n));
                    saved = { value: chosen, correct: correct };
                }
                storage.set(keyOf(i), saved);
                show(saved);
                updateScore();
                // The focus was on Check, now hidden: it goes to Try again, or stays in the
                // question for the next Tab.
                (again.hidden ? item : again).focus({ preventScroll: true });
            }

            function tryAgain() {
                storage.set(keyOf(i), null);
                show(null);
                updateScore();
                (textInput || inputs[0]).focus({ preventScroll: true });
            }

            item.tabIndex = -1;
            button.addEventListener("click", check);
            again.addEventListener("click", tryAgain);
            show(storage.get(keyOf(i)));
            items.push({ reset: () => { storage.set(keyOf(i), null); show(null); } });
            list.appendChild(item);
        });

        const reset = document.createElement("button");
        reset.type = "button";
        reset.className = "quiz-reset";
        reset.textContent = t.reset;
        reset.addEventListener("click", function () {
            items.forEach((item) => item.reset());
            updateScore();
        });
        root.appendChild(reset);
        updateScore();

        const pre = block.closest("pre") || block;
        pre.replaceWith(root);
    }

    // A quiz block as theme/quiz-source.mjs leaves it (a <script>, out of the search index),
    // or as mdBook renders it without that preprocessor (a code block).
    document.querySelectorAll("script.quiz-source, code.quiz, code.language-quiz").forEach(render);
})();
