// An mdBook preprocessor (book.toml: [preprocessor.quiz-source]) that keeps the chapter
// quizzes out of the search index.
//
// A quiz is written as a ```text,quiz block (theme/quiz.js explains the format). mdBook
// indexes a code block's text like any other, so a search showed the quiz source, answers
// included, as its teaser ("- [x] FIN을 먼저 보낸 쪽", "= SO_REUSEADDR | …"). mdBook leaves
// the content of <script> elements out of the index, so this turns each quiz block into
//
//   <script type="text/x-quiz" class="quiz-source">
//   …the block's lines, unchanged…
//   </script>
//
// which the browser does not show and quiz.js turns into the quiz. The Markdown stays as it
// is (tests/book.rs reads it). The preprocessor is optional: without Node, mdBook warns and
// builds the book with the quiz blocks as code blocks, which quiz.js reads too; only the
// index then holds the quizzes again.
//
// mdBook calls it as `node theme/quiz-source.mjs supports <renderer>` (any renderer: yes),
// then with [context, book] as JSON on stdin, and reads the book back on stdout.
import { readFileSync } from "node:fs";

if (process.argv[2] === "supports") {
    process.exit(0);
}

const FENCE = /^(\s*)(`{3,}|~{3,})text,quiz\s*$/;

/** The chapter's Markdown with each quiz block turned into a <script> element. */
function convert(markdown) {
    const lines = markdown.split("\n");
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const open = lines[i].match(FENCE);
        if (!open) {
            out.push(lines[i]);
            continue;
        }
        const close = lines.findIndex((l, j) => j > i && l.trim() === open[2]);
        if (close === -1) {
            out.push(lines[i]);
            continue;
        }
        // A blank line before and after: the element is an HTML block of its own.
        out.push("", '<script type="text/x-quiz" class="quiz-source">');
        for (const line of lines.slice(i + 1, close)) {
            out.push(line.replace(/<\/(script)/gi, "<\\/$1"));
        }
        out.push("</script>", "");
        i = close;
    }
    return out.join("\n");
}

function walk(items) {
    for (const item of items || []) {
        if (item && item.Chapter) {
            item.Chapter.content = convert(item.Chapter.content);
            walk(item.Chapter.sub_items);
        }
    }
}

const [, book] = JSON.parse(readFileSync(0, "utf8"));
walk(book.items);
process.stdout.write(JSON.stringify(book));
