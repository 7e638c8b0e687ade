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
//   = accepted answer | another accepted spelling
//   > Explanation.
//
// Each answer gets immediate feedback with its explanation, and is remembered in this
// browser (localStorage), so a reload shows what was already answered. The interface
// speaks the page's language. Without JavaScript the block stays as written: readable,
// with the answers marked.
(function () {
    "use strict";

    const TEXT = {
        en: {
            check: "Check",
            correct: "Correct!",
            wrong: "Not quite.",
            answer: "Answer: ",
            reset: "Start the quiz again",
            score: (right, answered, total) =>
                `${right} of ${total} correct` + (answered < total ? ` (${total - answered} not answered yet)` : ""),
            placeholder: "Your answer",
            choose: "Choose an answer first.",
            type: "Type an answer first.",
            several: "(choose all that apply)",
        },
        ko: {
            check: "확인",
            correct: "정답입니다!",
            wrong: "아쉽지만 틀렸습니다.",
            answer: "정답: ",
            reset: "퀴즈 다시 풀기",
            score: (right, answered, total) =>
                `${total}문제 중 ${right}문제 정답` + (answered < total ? ` (아직 풀지 않은 문제 ${total - answered}개)` : ""),
            placeholder: "답을 입력하세요",
            choose: "먼저 답을 고르세요.",
            type: "먼저 답을 입력하세요.",
            several: "(해당하는 것을 모두 고르세요)",
        },
    };

    const lang = document.documentElement.lang === "ko" ? "ko" : "en";
    const t = TEXT[lang];

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

    function normalize(s) {
        return s.trim().toLowerCase().replace(/^[`'"]+|[`'".]+$/g, "").replace(/\s+/g, " ");
    }

    // A short, stable hash of the question, so that editing a question forgets old answers.
    function hash(s) {
        let h = 5381;
        for (let i = 0; i < s.length; i++) {
            h = ((h << 5) + h + s.charCodeAt(i)) | 0;
        }
        return (h >>> 0).toString(36);
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

    function render(block, quizIndex) {
        const questions = parse(block.textContent);
        if (questions.length === 0) {
            return;
        }
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

        const keyOf = (i) => `quiz:${location.pathname}:${quizIndex}:${i}:${hash(questions[i].prompt)}`;
        const items = [];

        function updateScore() {
            let right = 0;
            let answered = 0;
            questions.forEach(function (_, i) {
                const saved = storage.get(keyOf(i));
                if (saved) {
                    answered++;
                    if (saved.correct) {
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

            let inputs = [];
            let textInput = null;
            if (q.choices.length > 0) {
                const choices = document.createElement("ul");
                choices.className = "quiz-choices";
                q.choices.forEach(function (choice, c) {
                    const li = document.createElement("li");
                    const label = document.createElement("label");
                    const input = document.createElement("input");
                    input.type = multiple ? "checkbox" : "radio";
                    input.name = `quiz-${quizIndex}-${i}`;
                    input.value = String(c);
                    label.appendChild(input);
                    const span = document.createElement("span");
                    span.innerHTML = inline(choice.text);
                    label.appendChild(span);
                    li.appendChild(label);
                    choices.appendChild(li);
                    inputs.push(input);
                });
                item.appendChild(choices);
            } else {
                textInput = document.createElement("input");
                textInput.type = "text";
                textInput.className = "quiz-answer";
                textInput.placeholder = t.placeholder;
                textInput.setAttribute("aria-label", t.placeholder);
                item.appendChild(textInput);
                textInput.addEventListener("keydown", function (e) {
                    if (e.key === "Enter") {
                        e.preventDefault();
                        check();
                    }
                });
            }

            const button = document.createElement("button");
            button.type = "button";
            button.className = "quiz-check";
            button.textContent = t.check;
            item.appendChild(button);
            const feedback = document.createElement("div");
            feedback.className = "quiz-feedback";
            feedback.setAttribute("role", "status");
            item.appendChild(feedback);

            function rightAnswer() {
                if (q.choices.length > 0) {
                    return q.choices.filter((c) => c.right).map((c) => inline(c.text)).join(", ");
                }
                return inline(q.answers[0]);
            }

            function show(saved) {
                if (!saved) {
                    item.dataset.state = "unanswered";
                    feedback.innerHTML = "";
                    inputs.forEach((input) => { input.checked = false; input.disabled = false; });
                    if (textInput) {
                        textInput.value = "";
                        textInput.disabled = false;
                    }
                    button.disabled = false;
                    return;
                }
                item.dataset.state = saved.correct ? "correct" : "wrong";
                if (textInput) {
                    textInput.value = saved.value;
                    textInput.disabled = true;
                } else {
                    inputs.forEach((input) => {
                        input.checked = saved.value.includes(Number(input.value));
                        input.disabled = true;
                    });
                }
                button.disabled = true;
                const verdict = saved.correct ? t.correct : `${t.wrong} ${t.answer}${rightAnswer()}`;
                const why = q.explanation.map(inline).join(" ");
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
                    const correct = q.answers.some((a) => normalize(a) === normalize(value));
                    saved = { value: value, correct: correct };
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
            }

            button.addEventListener("click", check);
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

    document.querySelectorAll("code.quiz, code.language-quiz").forEach(render);
})();
