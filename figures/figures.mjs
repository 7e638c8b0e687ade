// The book's diagrams, drawn as one set: every SVG in src/images/en/ and src/images/ko/ is
// written by this script, so that they share one palette, one pair of fonts (a sans-serif
// stack for words, a monospace stack for code and bytes), one separator and one layout rule
// (the client on the left, the server on the right, time going down).
//
//   node figures/figures.mjs          writes src/images/{en,ko}/*.svg
//   node figures/figures.mjs --check  fails if a written SVG differs from what it would write
//
// Each diagram is 400 units wide and no label is smaller than 13 units, so that on a phone,
// where the image is scaled to the width of the text column (about 350 CSS px), no label is
// drawn under 11 CSS px (tests/browser/figures.test.mjs measures it). Each image is in one
// language, with its <title> and <desc> in that language; the page shows its own language's.
//
// Dark themes: the colours are CSS variables inside the SVG, set on #fig (the arrowheads'
// markers sit inside it too, since a marker takes its colours from its own ancestors). They follow the reader's
// system (prefers-color-scheme), and mdBook's theme wins over it: theme/figures.js points
// each image at `#dark` or `#light` when the theme changes, and the `:target` rules below
// pick that palette.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "images");
const W = 400;

const SANS = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif`;
const MONO = `ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK KR", "DejaVu Sans Mono", monospace`;

const LIGHT = {
    bg: "#f8fafc", edge: "#cbd5e1", ink: "#0f172a", muted: "#475569", plain: "#ffffff",
    client: "#dbeafe", "client-edge": "#1d4ed8", server: "#dcfce7", "server-edge": "#15803d",
    wire: "#b45309", "wire-soft": "#fef3c7", alert: "#b91c1c", "alert-soft": "#fee2e2", band: "#e2e8f0",
};
const DARK = {
    bg: "#1b2230", edge: "#465266", ink: "#e6eaf0", muted: "#a9b4c4", plain: "#232c3b",
    client: "#1c3356", "client-edge": "#8ab4ff", server: "#163a29", "server-edge": "#74d39b",
    wire: "#f5b04a", "wire-soft": "#3d2f14", alert: "#ff8a80", "alert-soft": "#4a1f1f", band: "#2a3445",
};
const vars = (p) => Object.entries(p).map(([k, v]) => `--${k}: ${v};`).join(" ");

const STYLE = `
#fig { ${vars(LIGHT)} }
@media (prefers-color-scheme: dark) { #fig { ${vars(DARK)} } }
#light:target #fig { ${vars(LIGHT)} }
#dark:target #fig { ${vars(DARK)} }
text { font-family: ${SANS}; font-size: 14px; fill: var(--ink); }
.code { font-family: ${MONO}; }
.s13 { font-size: 13px; }
.s15 { font-size: 15px; }
.h { font-size: 16px; font-weight: 700; }
.b { font-weight: 700; }
.sb { font-weight: 600; }
.muted { fill: var(--muted); }
.wire-t { fill: var(--wire); }
.alert-t { fill: var(--alert); }
.client-t { fill: var(--client-edge); }
.server-t { fill: var(--server-edge); }
.panel { fill: var(--bg); stroke: var(--edge); stroke-width: 1.5; }
.plain { fill: var(--plain); stroke: var(--edge); stroke-width: 1.5; }
.client { fill: var(--client); stroke: var(--client-edge); stroke-width: 1.5; }
.server { fill: var(--server); stroke: var(--server-edge); stroke-width: 1.5; }
.kernel { fill: var(--band); stroke: var(--edge); stroke-width: 1.5; }
.warm { fill: var(--wire-soft); stroke: var(--wire); stroke-width: 1.5; }
.bad { fill: var(--alert-soft); stroke: var(--alert); stroke-width: 1.5; }
.band { fill: var(--band); }
.life { stroke: var(--edge); stroke-width: 2; stroke-dasharray: 5 5; fill: none; }
.line { stroke: var(--ink); stroke-width: 1.5; fill: none; }
.wire { stroke: var(--wire); stroke-width: 2; fill: none; }
.alert { stroke: var(--alert); stroke-width: 2; fill: none; }
.dash { stroke-dasharray: 6 4; }
.tip-ink { fill: var(--ink); }
.tip-wire { fill: var(--wire); }
.tip-alert { fill: var(--alert); }
`;

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Drawing helpers. Each returns SVG text.
function text(x, y, s, cls = "", anchor = "middle") {
    return `<text x="${x}" y="${y}"${cls ? ` class="${cls}"` : ""} text-anchor="${anchor}">${esc(s)}</text>`;
}
function lines(x, y, list, cls = "", anchor = "middle", lh = 18) {
    return [].concat(list).map((s, i) => text(x, y + i * lh, s, cls, anchor)).join("\n");
}
function rect(x, y, w, h, cls, rx = 8) {
    return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}" class="${cls}"/>`;
}
function arrow(x1, y1, x2, y2, kind = "ink", both = false) {
    const cls = kind === "ink" ? "line" : kind;
    const m = `url(#tip-${kind})`;
    return `<path d="M${x1},${y1} L${x2},${y2}" class="${cls}" marker-end="${m}"${both ? ` marker-start="${m}"` : ""}/>`;
}
function path(d, kind = "ink", end = true) {
    const cls = kind === "ink" ? "line" : kind;
    return `<path d="${d}" class="${cls}"${end ? ` marker-end="url(#tip-${kind})"` : ""}/>`;
}
// A heading at the top left of the figure.
const heading = (s) => text(16, 30, s, "h", "start");
// The two parties, client on the left and server on the right, as labelled boxes; returns the
// boxes and the x of each lifeline.
const CX = 90;
const SX = 310;
function parties(y, client, server, h = 56) {
    const box = (x, cls, [name, sub]) =>
        rect(x, y, 140, h, cls) +
        text(x + 70, y + (sub ? 23 : h / 2 + 5), name, "b s15") +
        (sub ? text(x + 70, y + 44, sub, sub.match(/^[\d.:]+$/) ? "code s13 muted" : "s13 muted") : "");
    return box(CX - 70, "client", client) + box(SX - 70, "server", server);
}
function lifelines(y1, y2) {
    return `<path d="M${CX},${y1} V${y2} M${SX},${y2} V${y1}" class="life"/>`;
}
// One message across: from the client (dir ">") or from the server ("<"), its label above.
function message(y, dir, label, cls = "code", kind = "wire", drop = 12) {
    const [a, b] = dir === ">" ? [CX, SX] : [SX, CX];
    const off = dir === ">" ? 4 : -4;
    return arrow(a + off, y, b - off, y + drop, kind) + text((CX + SX) / 2, y - 4, label, cls);
}
function note(y, list, cls = "s13 muted", lh = 18) {
    return lines(W / 2, y, list, cls, "middle", lh);
}

function svg(lang, { height, title, desc, body }) {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W * 1.25}" height="${height * 1.25}" role="img" aria-labelledby="title desc" lang="${lang}">
<title id="title">${esc(title)}</title>
<desc id="desc">${esc(desc)}</desc>
<defs>
<style>${STYLE}</style>
</defs>
<g id="light"><g id="dark"><g id="fig">
<defs>
${["ink", "wire", "alert"]
    .map((k) => `<marker id="tip-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="tip-${k}"/></marker>`)
    .join("\n")}
</defs>
${rect(1, 1, W - 2, height - 2, "panel", 14)}
${body}
</g></g></g>
</svg>
`;
}

// ---------------------------------------------------------------------------------------
// The diagrams. Each is a function of T, which picks the English or the Korean of a label.

const FIGURES = {};

FIGURES["ch01-socket-exchange"] = (T) => {
    const rows = [
        ["<", "welcome"],
        [">", "hello"],
        ["<", "you said: hello"],
        ["<", "tick 1"],
        ["<", "tick 2"],
        [">", T("FIN: done sending", "FIN: 보내기 끝(반쪽 닫기)"), "s13 sb"],
        ["<", "bye"],
        ["<", T("FIN: closes", "FIN: 연결 닫기"), "s13 sb"],
    ];
    const y0 = 150;
    const body = [
        heading(T("Socket communication", "소켓 통신")),
        parties(46, [T("Client process", "클라이언트 프로세스"), "127.0.0.1:51234"], [T("Server process", "서버 프로세스"), "127.0.0.1:7171"]),
        lifelines(102, y0 + rows.length * 38),
        text(16, 128, T("time ↓", "시간 ↓"), "s13 muted", "start"),
        ...rows.map(([d, l, c], i) => message(y0 + i * 38, d, l, c || "code")),
        note(y0 + rows.length * 38 + 28, T(
            ["One TCP connection stays open the whole time,", "and bytes go both ways at any moment."],
            ["TCP 연결 하나가 처음부터 끝까지 열려 있고,", "바이트는 언제든 양방향으로 오갑니다."],
        )),
    ];
    return {
        height: y0 + rows.length * 38 + 60,
        title: T(
            "Socket communication: two processes, one connection that stays open, messages both ways at any time",
            "소켓 통신: 프로세스 둘, 계속 열려 있는 연결 하나, 아무 때나 양방향으로 오가는 메시지",
        ),
        desc: T(
            "A client process on the left and a server process on the right each hold a socket, an endpoint with an IP address and a port. One TCP connection joins them for the whole conversation. The server greets the client before the client sends anything, answers its line, pushes two ticks nobody asked for; the client shuts down its sending side, and the server says bye and closes.",
            "왼쪽의 클라이언트 프로세스와 오른쪽의 서버 프로세스가 각자 IP 주소와 포트가 있는 엔드포인트인 소켓을 쥐고 있습니다. TCP 연결 하나가 대화 내내 둘을 잇습니다. 서버는 클라이언트가 아무것도 보내기 전에 먼저 인사하고, 받은 줄에 답하고, 요청하지 않은 tick을 두 번 보냅니다. 클라이언트가 보내는 방향을 닫으면 서버는 bye를 보내고 연결을 닫습니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch01-http-request-response"] = (T) => {
    const body = [
        heading(T("HTTP: a request, then a response", "HTTP: 요청 다음에 응답")),
        parties(46, [T("Client", "클라이언트"), "browser, curl, lab01"], [T("HTTP server", "HTTP 서버"), "mini-http"]),
        lifelines(102, 392),
        text(16, 128, T("time ↓", "시간 ↓"), "s13 muted", "start"),
        text(200, 140, T("request", "요청"), "s13 muted"),
        message(162, ">", "GET / HTTP/1.1", "code s13"),
        text(200, 198, T("response", "응답"), "s13 muted"),
        message(220, "<", "HTTP/1.1 200 OK + body", "code s13"),
        note(262, T(["the server waits:", "it never sends first"], ["서버는 기다리기만 하고", "먼저 보내지 않습니다"])),
        text(200, 312, T("request", "요청"), "s13 muted"),
        message(334, ">", "GET /hello.json HTTP/1.1", "code s13"),
        text(200, 366, T("response", "응답"), "s13 muted"),
        message(388, "<", "HTTP/1.1 200 OK + body", "code s13"),
        note(436, T(
            ["The client always sends first; each response", "comes back over the same TCP connection."],
            ["항상 클라이언트가 먼저 보내고,", "응답은 같은 TCP 연결로 돌아옵니다."],
        )),
    ];
    return {
        height: 470,
        title: T(
            "HTTP: the client sends a request, the server sends a response, over a TCP connection",
            "HTTP: TCP 연결 위에서 클라이언트가 요청을 보내고 서버가 응답을 보냅니다",
        ),
        desc: T(
            "A client on the left (a browser, curl, lab01) and an HTTP server on the right. The client sends GET / HTTP/1.1 and the server answers 200 OK with a body; the client sends a second request on the same kept-alive connection and gets a second response. Every exchange starts with the client; the server never sends first.",
            "왼쪽은 클라이언트(브라우저, curl, lab01), 오른쪽은 HTTP 서버입니다. 클라이언트가 GET / HTTP/1.1을 보내면 서버가 본문이 딸린 200 OK로 답합니다. 클라이언트는 유지된 같은 연결로 두 번째 요청을 보내고 두 번째 응답을 받습니다. 모든 교환은 클라이언트가 시작하고, 서버가 먼저 보내는 일은 없습니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch01-layers"] = (T) => {
    const L = [
        T("7 application", "7 응용"),
        T("6 presentation", "6 표현"),
        T("5 session", "5 세션"),
        T("4 transport", "4 전송"),
        T("3 network", "3 네트워크"),
        T("2 data link", "2 데이터 링크"),
        T("1 physical", "1 물리"),
    ];
    const RH = 36;
    const top = 62;
    // Rows 7-5, then the socket API, then 4-3 and 2-1.
    const yOf = (i) => top + i * RH + (i >= 3 ? 56 : 0);
    const cells = L.map((l, i) => rect(16, yOf(i), 140, RH, i < 3 ? "client" : i < 5 ? "kernel" : "plain", 0) + text(24, yOf(i) + 23, l, "", "start"));
    const group = (i, n, cls, list) => {
        const h = n * RH;
        const y = yOf(i);
        return rect(168, y, 216, h, cls, 8) + lines(276, y + h / 2 - (list.length - 1) * 9 + 5, list.map((s) => s), "", "middle", 18);
    };
    const api = yOf(3) - 48;
    const body = [
        heading(T("Where the socket API sits", "소켓 API의 자리")),
        text(86, 52, T("OSI layers", "OSI 계층"), "s13 muted"),
        text(276, 52, T("who does the work", "누가 처리하나"), "s13 muted"),
        ...cells,
        rect(168, yOf(0), 216, 3 * RH, "client"),
        text(276, yOf(0) + 36, T("your program", "여러분의 프로그램"), "b"),
        lines(276, yOf(0) + 60, T(["HTTP, FTP, SMTP, or", "your own line protocol"], ["HTTP, FTP, SMTP나", "직접 만든 줄 단위 프로토콜"]), "s13"),
        rect(16, api, 368, 40, "bad"),
        text(200, api + 17, T("socket API", "소켓 API"), "b alert-t"),
        text(200, api + 33, "socket bind listen accept connect read write", "code s13"),
        group(3, 2, "kernel", []),
        text(276, yOf(3) + 24, T("operating system kernel", "운영체제 커널"), "b"),
        lines(276, yOf(3) + 44, T(["TCP or UDP, and IP:", "ports, ordering, resends"], ["TCP나 UDP, 그리고 IP:", "포트, 순서, 재전송"]), "s13"),
        group(5, 2, "plain", []),
        text(276, yOf(5) + 24, T("network card and driver", "네트워크 카드와 드라이버"), "b"),
        lines(276, yOf(5) + 44, T(["Ethernet and Wi-Fi frames,", "signals on the wire"], ["이더넷과 Wi-Fi 프레임,", "선 위의 신호"]), "s13"),
        note(yOf(6) + RH + 28, T(
            ["In TCP/IP, layers 5 to 7 are all the application's job.", "A TCP socket hands your program a byte stream;", "below the socket API, the kernel and the hardware", "do the work."],
            ["TCP/IP에서는 5~7계층이 모두 응용 프로그램의 몫입니다.", "TCP 소켓은 프로그램에 바이트 스트림을 건넵니다.", "소켓 API 아래의 일은 커널과 하드웨어가 처리합니다."],
        )),
    ];
    return {
        height: yOf(6) + RH + 28 + T(4, 3) * 18 + 8,
        title: T("The layers of the network stack, and where the socket API sits", "네트워크 스택의 계층과 소켓 API의 자리"),
        desc: T(
            "The seven OSI layers from application down to physical. Layers 7 to 5 are your program, with protocols such as HTTP, FTP, SMTP or your own; in TCP/IP they are all the application's job. Below them the socket API (socket, bind, listen, accept, connect, read, write) is the boundary with the operating system kernel, which runs TCP or UDP and IP for layers 4 and 3. The network card and its driver handle the data link and physical layers.",
            "응용 계층부터 물리 계층까지 OSI 일곱 계층입니다. 7~5계층은 여러분의 프로그램이고, HTTP, FTP, SMTP나 직접 만든 프로토콜이 여기에 속합니다. TCP/IP에서는 모두 응용 프로그램의 몫입니다. 그 아래 소켓 API(socket, bind, listen, accept, connect, read, write)가 운영체제 커널과의 경계이고, 커널이 4계층과 3계층의 TCP나 UDP와 IP를 처리합니다. 네트워크 카드와 드라이버가 데이터 링크 계층과 물리 계층을 맡습니다.",
        ),
        body: body.join("\n"),
    };
};

// A column of calls, one box each, with a short note under some; returns { svg, at } where
// at[i] is the middle y of box i.
function calls(x, w, steps, cls) {
    const at = [];
    const top = [];
    const bot = [];
    const out = steps.map(([y, call, noteText]) => {
        at.push(y + 16);
        top.push(y);
        bot.push(y + (noteText ? 54 : 32));
        return rect(x, y, w, 32, cls, 6) + text(x + w / 2, y + 21, call, "code") + (noteText ? text(x + w / 2, y + 48, noteText, "s13 muted") : "");
    });
    return { svg: out.join("\n"), at, top, bot };
}

FIGURES["socket-flow"] = (T) => {
    const server = calls(248, 136, [
        [86, "socket()"],
        [136, "bind()", T("claims IP:port", "주소 할당")],
        [204, "listen()", T("queues connections", "연결 대기열")],
        [272, "accept()", T("new socket per client", "연결마다 새 소켓")],
        [370, "read() / write()", T("until read() = 0", "read()가 0일 때까지")],
        [470, "close()", T("↻ next client", "↻ 다음 클라이언트")],
    ], "server");
    const client = calls(16, 136, [
        [204, "socket()"],
        [272, "connect()", T("ephemeral port", "임시 포트")],
        [370, "write() / read()", T("request, response", "요청, 응답")],
        [438, "close()", T("or shutdown(Write)", "또는 shutdown(Write)")],
    ], "client");
    const down = (col, x) => col.top.slice(1).map((t, i) => arrow(x, col.bot[i] + 3, x, t - 3)).join("\n");
    const body = [
        heading(T("The calls of a TCP connection", "TCP 연결의 호출 흐름")),
        text(84, 70, T("Client", "클라이언트"), "b client-t"),
        text(316, 70, T("Server", "서버"), "b server-t"),
        server.svg,
        client.svg,
        down(server, 316),
        down(client, 84),
        // The handshake between connect() and accept().
        text(200, 266, T("3-way handshake", "3-way 핸드셰이크"), "s13 wire-t"),
        arrow(154, 276, 246, 284, "wire"),
        arrow(246, 288, 154, 296, "wire"),
        arrow(154, 300, 246, 308, "wire"),
        // Data both ways, then the FINs.
        arrow(154, 386, 246, 386, "wire", true),
        text(200, 378, T("data", "데이터"), "s13 wire-t"),
        arrow(154, 454, 246, 466, "wire"),
        text(200, 452, "FIN", "code s13 wire-t"),
        arrow(246, 486, 154, 498, "wire"),
        text(200, 484, "FIN", "code s13 wire-t"),
        note(556, T(
            ["The server's read() returns 0 (EOF) after the client's FIN.", "The side that closes first waits in TIME-WAIT."],
            ["클라이언트의 FIN 뒤에 서버의 read()가 0(EOF)을 반환합니다.", "먼저 닫은 쪽이 TIME-WAIT에서 기다립니다."],
        )),
    ];
    return {
        height: 600,
        title: T("The calls of a TCP server and client", "TCP 서버와 클라이언트의 호출 흐름"),
        desc: T(
            "Client on the left, server on the right. The server calls socket, bind (it claims an IP address and port), listen (the kernel queues connections), accept (a new socket per client), read and write until read returns 0, and close, then accepts the next client. The client calls socket, connect (from an ephemeral port), write and read, and close or shutdown(Write). connect and accept meet in the three-way handshake (SYN, SYN+ACK, ACK); data flows both ways; each close sends a FIN; the side that closes first waits in TIME-WAIT.",
            "왼쪽은 클라이언트, 오른쪽은 서버입니다. 서버는 socket, bind(IP 주소와 포트 할당), listen(커널이 연결을 대기열에 넣음), accept(클라이언트마다 새 소켓), read가 0을 반환할 때까지 read와 write, close를 호출한 뒤 다음 클라이언트를 accept합니다. 클라이언트는 socket, connect(임시 포트에서), write와 read, close나 shutdown(Write)을 호출합니다. connect와 accept는 3-way 핸드셰이크(SYN, SYN+ACK, ACK)에서 만나고, 데이터는 양방향으로 오가며, close마다 FIN이 나갑니다. 먼저 닫은 쪽이 TIME-WAIT에서 기다립니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch02-handshakes"] = (T) => {
    const C = 128;
    const S = 272;
    // A state on one side: its name, then up to two lines under it.
    const state = (side, y, name, more = []) => {
        const x = side === "c" ? C - 8 : S + 8;
        const a = side === "c" ? "end" : "start";
        return text(x, y, name, "s13 b " + (side === "c" ? "client-t" : "server-t"), a) +
            more.map((m, i) => text(x, y + 17 * (i + 1), m, (m.includes("(") ? "code " : "") + "s13 muted", a)).join("");
    };
    const msg = (y, dir, label) => {
        const [a, b] = dir === ">" ? [C + 3, S - 3] : [S - 3, C + 3];
        const mid = (C + S) / 2;
        return arrow(a, y, b, y + 30, "wire") + `<text x="${mid}" y="${y + 6}" class="code s13 wire-t" text-anchor="middle">${esc(label)}</text>`;
    };
    const band = (y, label) => rect(10, y, 380, 26, "band", 6) + text(200, y + 18, label, "s13 b");
    const body = [
        heading(T("Opening and closing a TCP connection", "TCP 연결을 열고 닫기")),
        rect(C - 56, 44, 112, 30, "client", 6), text(C, 64, T("Client", "클라이언트"), "b"),
        rect(S - 56, 44, 112, 30, "server", 6), text(S, 64, T("Server", "서버"), "b"),
        `<path d="M${C},74 V720 M${S},74 V720" class="life"/>`,
        state("c", 100, "CLOSED"),
        state("s", 100, "LISTEN", ["listen()"]),
        band(128, T("3-way handshake", "3-way 핸드셰이크")),
        state("c", 180, "SYN-SENT", ["connect()"]),
        msg(172, ">", "SYN"),
        state("s", 214, "SYN-RECEIVED", [T("SYN queue", "SYN 큐")]),
        msg(226, "<", "SYN+ACK"),
        state("c", 270, "ESTABLISHED", [T("connect()", "connect()"), T("returns", "반환")]),
        msg(266, ">", "ACK"),
        state("s", 310, "ESTABLISHED", [T("accept queue", "연결 수락 큐"), "accept()"]),
        msg(356, ">", T("data: hello", "데이터: hello")),
        text(C - 8, 364, "write()", "code s13 muted", "end"),
        text(S + 8, 392, "read()", "code s13 muted", "start"),
        msg(400, "<", "ACK"),
        band(452, T("4-way close", "4-way 핸드셰이크")),
        msg(496, ">", "FIN"),
        state("c", 504, "FIN-WAIT-1", [T("shutdown()", "shutdown()"), T("or close()", "또는 close()")]),
        state("s", 540, "CLOSE-WAIT", ["read() = 0", T("can still write", "아직 쓸 수 있음")]),
        msg(556, "<", "ACK"),
        state("c", 598, "FIN-WAIT-2"),
        msg(614, "<", "FIN"),
        state("s", 620, "LAST-ACK", ["close()"]),
        state("c", 652, "TIME-WAIT", ["2 × MSL (60 s)"]),
        msg(664, ">", "ACK"),
        state("s", 708, "CLOSED"),
        state("c", 740, "CLOSED"),
        note(776, T(["The side that sends the first FIN", "waits in TIME-WAIT."], ["먼저 FIN을 보낸 쪽이", "TIME-WAIT에서 기다립니다."])),
    ];
    return {
        height: 810,
        title: T("The three-way handshake and the four-way close", "3-way 핸드셰이크와 4-way 핸드셰이크"),
        desc: T(
            "Client on the left, server on the right, time going down. SYN, SYN+ACK, ACK: the client goes from SYN-SENT to ESTABLISHED when connect() returns, the server from LISTEN through SYN-RECEIVED (the SYN queue) to ESTABLISHED (the accept queue, where accept() finds it). Data and its ACK. Then the client sends FIN (FIN-WAIT-1) and the server, whose read() returns 0, is in CLOSE-WAIT and can still write; the server's ACK moves the client to FIN-WAIT-2; the server closes and sends FIN (LAST-ACK); the client answers with ACK and waits in TIME-WAIT for 2 × MSL (60 s); the server is CLOSED, then the client.",
            "클라이언트는 왼쪽, 서버는 오른쪽이고, 시간은 위에서 아래로 흐릅니다. SYN, SYN+ACK, ACK로 클라이언트는 SYN-SENT에서 ESTABLISHED가 되고 connect()가 반환됩니다. 서버는 LISTEN에서 SYN-RECEIVED(SYN 큐)를 거쳐 ESTABLISHED(연결 수락 큐, accept()가 꺼내 가는 곳)가 됩니다. 데이터와 그 ACK가 오갑니다. 클라이언트가 FIN을 보내면 FIN-WAIT-1이 되고, read()가 0을 반환한 서버는 CLOSE-WAIT가 되며 아직 쓸 수 있습니다. 서버의 ACK로 클라이언트는 FIN-WAIT-2가 됩니다. 서버가 닫으며 FIN을 보내면 LAST-ACK가 되고, 클라이언트는 ACK로 답한 뒤 TIME-WAIT에서 2 × MSL(60초) 동안 기다립니다. 서버가 먼저 CLOSED가 되고, 그다음 클라이언트가 CLOSED가 됩니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch03-tcp-stream"] = (T) => {
    const server = calls(264, 120, [
        [80, "socket()"],
        [126, "bind()"],
        [172, "listen()", T("waits for a client", "연결 대기")],
        [236, "accept()"],
        [300, "read()"],
        [346, "write()"],
        [410, "read() → 0"],
        [456, "close()"],
    ], "server");
    const client = calls(16, 120, [
        [172, "socket()"],
        [236, "connect()"],
        [300, "write()"],
        [346, "read()"],
        [410, "close()"],
    ], "client");
    const down = (col, x, pairs) => pairs.map(([a, b, gap]) => arrow(x, col.at[a] + 16 + (gap || 0), x, col.at[b] - 18)).join("\n");
    const body = [
        heading(T("TCP: a stream socket", "TCP 스트림 소켓")),
        text(76, 66, T("Client", "클라이언트"), "b client-t"),
        text(324, 66, T("Server", "서버"), "b server-t"),
        server.svg,
        client.svg,
        down(server, 324, [[0, 1], [1, 2], [2, 3, 18], [3, 4], [4, 5], [5, 6], [6, 7]]),
        down(client, 76, [[0, 1], [1, 2], [2, 3], [3, 4]]),
        arrow(138, 252, 262, 252, "wire", true),
        text(200, 244, T("3-way handshake", "3-way 핸드셰이크"), "s13 wire-t"),
        text(200, 270, T("connected", "연결 수립"), "s13 wire-t"),
        arrow(138, 316, 262, 316, "wire"),
        text(200, 308, T("request bytes", "요청 바이트"), "s13 wire-t"),
        arrow(262, 362, 138, 362, "wire"),
        text(200, 354, T("response bytes", "응답 바이트"), "s13 wire-t"),
        arrow(138, 426, 262, 426, "wire"),
        text(200, 418, "FIN: EOF", "code s13 wire-t"),
        note(524, T(
            ["One connection per client; bytes arrive in order,", "with no message boundaries."],
            ["클라이언트마다 연결이 하나이고, 바이트는 순서대로", "오지만 메시지 경계는 없습니다."],
        )),
    ];
    return {
        height: 564,
        title: T("TCP stream socket", "TCP 스트림 소켓"),
        desc: T(
            "Client on the left, server on the right. Server: socket, bind, listen (it waits for a client), accept, read, write, read returns 0, close. Client: socket, connect, write, read, close. connect and accept meet in the three-way handshake; request bytes and response bytes flow over the connection; the client's close arrives as a FIN, which the server's read sees as EOF (0). One connection per client; bytes arrive in order, with no message boundaries.",
            "왼쪽은 클라이언트, 오른쪽은 서버입니다. 서버는 socket, bind, listen(클라이언트를 기다림), accept, read, write를 호출하고, read가 0을 반환하면 close를 호출합니다. 클라이언트는 socket, connect, write, read, close를 호출합니다. connect와 accept는 3-way 핸드셰이크에서 만나고, 요청 바이트와 응답 바이트가 연결 위로 오갑니다. 클라이언트의 close는 FIN으로 도착하고, 서버의 read는 이것을 EOF(0)로 봅니다. 클라이언트마다 연결이 하나이고, 바이트는 순서대로 오지만 메시지 경계는 없습니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch03-udp-datagram"] = (T) => {
    const server = calls(274, 110, [
        [80, "socket()"],
        [126, "bind()"],
        [196, "recvfrom()"],
        [288, "sendto()"],
    ], "server");
    const client = calls(16, 110, [
        [126, "socket()"],
        [196, "sendto()"],
        [288, "recvfrom()"],
        [366, "close()"],
    ], "client");
    const down = (col, x) => col.top.slice(1).map((t, i) => arrow(x, col.bot[i] + 3, x, t - 3)).join("\n");
    const body = [
        heading(T("UDP: a datagram socket", "UDP 데이터그램 소켓")),
        text(71, 66, T("Client", "클라이언트"), "b client-t"),
        text(329, 66, T("Server", "서버"), "b server-t"),
        server.svg,
        client.svg,
        down(server, 329),
        down(client, 71),
        // The loop back to recvfrom: the next datagram, from anyone.
        path("M329,320 V342 H392 V212 H388", "ink"),
        text(384, 362, T("next datagram, from anyone", "다음 데이터그램, 누가 보냈든"), "s13 muted", "end"),
        arrow(128, 212, 272, 212, "wire"),
        text(200, 186, T("datagram", "데이터그램"), "s13 wire-t"),
        text(200, 202, T("+ sender's address", "+ 보낸 쪽 주소"), "s13 wire-t"),
        arrow(272, 304, 128, 304, "wire"),
        text(200, 296, T("datagram", "데이터그램"), "s13 wire-t"),
        note(428, T(
            ["No listen(), no accept(), no connection: each", "datagram arrives whole or not at all, and may be", "lost or reordered."],
            ["listen()도 accept()도 연결도 없습니다. 데이터그램은", "온전히 오거나 아예 오지 않으며, 잃어버리거나", "순서가 바뀔 수 있습니다."],
        )),
    ];
    return {
        height: 486,
        title: T("UDP datagram socket", "UDP 데이터그램 소켓"),
        desc: T(
            "Client on the left, server on the right. Server: socket, bind, then a loop of recvfrom and sendto: each recvfrom takes the next datagram, from anyone. Client: socket, sendto, recvfrom, close. Each datagram travels on its own, carrying its sender's address; there is no listen, no accept and no connection, and a datagram arrives whole or not at all, and may be lost or reordered.",
            "왼쪽은 클라이언트, 오른쪽은 서버입니다. 서버는 socket, bind를 호출한 뒤 recvfrom과 sendto를 반복합니다. recvfrom은 누가 보냈든 다음 데이터그램을 받습니다. 클라이언트는 socket, sendto, recvfrom, close를 호출합니다. 데이터그램은 보낸 쪽 주소를 싣고 하나씩 따로 오갑니다. listen도 accept도 연결도 없고, 데이터그램은 온전히 오거나 아예 오지 않으며, 잃어버리거나 순서가 바뀔 수 있습니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch04-threads-vs-tasks"] = (T) => {
    const threadRows = [0, 1, 2, 3].map((i) => {
        const y = 62 + i * 40;
        return rect(16, y, 84, 30, "client", 6) + text(58, y + 20, T("client", "클라이언트"), "s13") +
            arrow(102, y + 15, 130, y + 15) +
            rect(132, y, 252, 30, "bad", 6) + text(142, y + 20, T("thread: read() … blocked", "스레드: read() … 블로킹"), "s13", "start");
    });
    const y2 = 330;
    const chips = [];
    for (let i = 0; i < 12; i++) {
        const x = 16 + (i % 6) * 62;
        const y = y2 + 34 + Math.floor(i / 6) * 38;
        const ready = i === 8 || i === 10;
        chips.push(rect(x, y, 56, 30, ready ? "warm" : "plain", 6) + text(x + 28, y + 20, ready ? T("ready", "준비") : T("task", "태스크"), "s13" + (ready ? " b" : "")));
    }
    const wy = y2 + 140;
    const body = [
        heading(T("A thread per client", "클라이언트마다 스레드 하나")),
        ...threadRows,
        text(200, 232, "⋮", "b"),
        note(256, T(["Each thread: a stack (2 MiB reserved),", "a kernel stack, a scheduler entry."], ["스레드마다 스택(2 MiB 예약),", "커널 스택, 스케줄러 항목이 듭니다."])),
        text(200, 304, T("1,000 idle clients → 1,001 threads", "유휴 클라이언트 1,000개 → 스레드 1,001개"), "b alert-t"),
        `<path d="M16,${y2 - 8} H384" class="life"/>`,
        text(16, y2 + 22, T("A task per client", "클라이언트마다 태스크 하나"), "h", "start"),
        ...chips,
        rect(16, wy, 176, 34, "server", 6), text(104, wy + 22, T("worker thread 1", "워커 스레드 1"), "s13 b"),
        rect(208, wy, 176, 34, "server", 6), text(296, wy + 22, T("worker thread 2", "워커 스레드 2"), "s13 b"),
        arrow(168, y2 + 106, 120, wy - 3, "wire"),
        arrow(292, y2 + 106, 292, wy - 3, "wire"),
        rect(16, wy + 58, 368, 50, "kernel", 6),
        text(200, wy + 78, "epoll", "code b"),
        text(200, wy + 98, T("which sockets are ready?", "어느 소켓이 준비됐나?"), "s13"),
        arrow(104, wy + 56, 104, wy + 36, "ink"),
        arrow(296, wy + 56, 296, wy + 36, "ink"),
        note(wy + 134, T(["One small task per client, most of them waiting;", "the workers run only the ready ones."], ["클라이언트마다 작은 태스크가 하나씩 있고 대부분은", "기다리는 중입니다. 워커는 준비된 태스크만 실행합니다."])),
        text(200, wy + 182, T("1,000 idle clients → 3 threads", "유휴 클라이언트 1,000개 → 스레드 3개"), "b server-t"),
    ];
    return {
        height: wy + 204,
        title: T("One thread per client, or one task per client", "클라이언트마다 스레드, 또는 클라이언트마다 태스크"),
        desc: T(
            "Top: every client has a thread of its own, blocked in read(); each thread costs a stack (2 MiB reserved), a kernel stack and a scheduler entry, and 1,000 idle clients are 1,001 threads. Bottom: every client has a small task, most of them waiting; two worker threads run whichever tasks are ready, and epoll tells the runtime which sockets are ready; 1,000 idle clients are still 3 threads.",
            "위: 클라이언트마다 스레드가 하나씩 있고, 각 스레드는 read()에서 블로킹되어 있습니다. 스레드마다 스택(2 MiB 예약), 커널 스택, 스케줄러 항목이 들고, 유휴 클라이언트 1,000개는 스레드 1,001개입니다. 아래: 클라이언트마다 작은 태스크가 있고 대부분은 기다리는 중입니다. 워커 스레드 두 개가 준비된 태스크만 실행하고, epoll이 어느 소켓이 준비됐는지 런타임에 알려 줍니다. 유휴 클라이언트 1,000개도 스레드 3개로 충분합니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch04-chat-broadcast"] = (T) => {
    const who = [
        ["A", T("reads", "읽음"), T("write half ← inbox", "쓰는 쪽 ← 수신함"), false],
        ["B", T("reads", "읽음"), T("write half ← inbox", "쓰는 쪽 ← 수신함"), false],
        ["S", T("never reads", "읽지 않음"), T("write half: write() waits", "쓰는 쪽: write() 대기"), true],
    ];
    const rows = who.map(([name, what, write, stuck], i) => {
        const y = 70 + i * 84;
        return rect(16, y, 78, 68, stuck ? "bad" : "client", 8) +
            text(55, y + 30, name, "b s15") + text(55, y + 50, what, "s13" + (stuck ? " alert-t" : "")) +
            `<path d="M94,${y + 34} H112" class="${stuck ? "alert" : "line"}"/>` +
            rect(112, y, 208, 68, "plain", 8) +
            text(122, y + 26, T("read half: lines → publish", "읽는 쪽: 줄 → 발행"), "s13", "start") +
            text(122, y + 52, write, "s13" + (stuck ? " alert-t" : ""), "start") +
            arrow(322, y + 21, 352, y + 21, "wire");
    });
    const cy = 350;
    const slots = [];
    for (let i = 0; i < 10; i++) slots.push(rect(16 + i * 36.8, cy, 32, 34, i < 2 ? "bad" : "warm", 4));
    const body = [
        heading(T("The chat: a task per client, one channel", "채팅: 클라이언트별 태스크와 채널 하나")),
        text(55, 58, T("clients", "클라이언트"), "s13 muted"),
        text(216, 58, T("one task each", "각자의 태스크"), "s13 muted"),
        ...rows,
        `<path d="M354,91 V${cy - 8}" class="wire"/>`,
        arrow(354, cy - 30, 354, cy - 4, "wire"),
        text(384, 66, T("publish", "발행"), "s13 wire-t", "end"),
        text(200, cy - 14, T("broadcast channel, capacity 1024", "브로드캐스트 채널, 용량 1024"), "s13 b"),
        ...slots,
        text(16, cy + 56, T("← oldest", "← 가장 오래됨"), "s13 muted", "start"),
        text(384, cy + 56, T("newest →", "가장 새것 →"), "s13 muted", "end"),
        text(30, cy + 78, "▲ S", "s13 b alert-t", "start"),
        text(384, cy + 78, "A, B ▲", "s13 b", "end"),
        note(cy + 104, T(["▲ where each inbox reads next"], ["▲ 수신함마다 다음에 읽을 자리"])),
        note(cy + 138, T(
            ["Publishing never waits. S's inbox falls behind,", "and past 1024 messages it loses the oldest.", "The chat's memory stays bounded, and A and B", "never wait for S."],
            ["발행은 기다리지 않습니다. S의 수신함은 뒤처지고,", "1024개를 넘으면 가장 오래된 것부터 잃습니다.", "채팅의 메모리는 한도 안에 머물고,", "A와 B는 S를 기다리지 않습니다."],
        ), "s13"),
    ];
    return {
        height: cy + 138 + 4 * 18 + 6,
        title: T("The chat: one task per client around a broadcast channel", "채팅: 브로드캐스트 채널을 둘러싼 클라이언트별 태스크"),
        desc: T(
            "Each client's task has a reading half, which publishes the client's lines into a bounded broadcast channel (capacity 1024), and a writing half, which forwards the client's inbox to its socket. Clients A and B read; client S never reads, so its socket buffers fill and its write half waits in write(). S's inbox falls behind; once it is more than the channel's capacity behind, it loses the oldest messages. Publishing never waits, the chat's memory stays bounded, and A and B never wait for S.",
            "각 클라이언트의 태스크에는 클라이언트가 보낸 줄을 크기가 정해진 브로드캐스트 채널(용량 1024)에 발행하는 읽는 쪽과, 수신함의 메시지를 소켓으로 전달하는 쓰는 쪽이 있습니다. 클라이언트 A와 B는 읽지만 S는 읽지 않으므로, S의 소켓 버퍼가 가득 차고 쓰는 쪽은 write()에서 대기합니다. S의 수신함은 뒤처지고, 채널 용량보다 더 뒤처지면 가장 오래된 메시지부터 잃습니다. 발행은 기다리지 않고, 채팅의 메모리는 한도 안에 머물며, A와 B는 S를 기다리지 않습니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch05-connection"] = (T) => {
    const part = (y, title, rows, h) => [
        rect(10, y, 380, h, "plain", 10),
        text(20, y + 22, title, "b", "start"),
        text(CX, y + 44, T("client", "클라이언트"), "s13 b client-t"),
        text(SX, y + 44, T("server", "서버"), "s13 b server-t"),
        `<path d="M${CX},${y + 52} V${y + h - 10} M${SX},${y + 52} V${y + h - 10}" class="life"/>`,
        ...rows.map(([d, l], i) => message(y + 74 + i * 30, d, l, "code s13", "wire", 8)),
    ].join("\n");
    const body = [
        heading(T("One connection, several requests", "연결 하나, 요청 여러 개")),
        part(44, T("1. One by one", "1. 차례로"), [[">", "GET /"], ["<", "200 (512 B)"], [">", "GET /docs/"], ["<", "200"]], 180),
        part(236, T("2. Pipelined", "2. 파이프라이닝"), [[">", T("GET ×3, one write", "GET ×3, write 한 번")], ["<", "200 #1"], ["<", "200 #2"], ["<", "404 #3"]], 180),
        part(428, "3. Connection: close", [[">", "GET / + Connection: close"], ["<", "200"], ["<", "FIN → EOF"]], 150),
        note(612, T(
            ["HTTP/1.1 keeps the connection open and answers", "in the order the requests came.", "HTTP/1.0 closes after each response."],
            ["HTTP/1.1은 연결을 유지하고, 요청이 온 순서대로", "답합니다. HTTP/1.0은 응답마다 연결을 닫습니다."],
        )),
    ];
    return {
        height: 612 + T(3, 2) * 18 + 8,
        title: T("Persistent connections and pipelining", "지속 연결과 파이프라이닝"),
        desc: T(
            "Three ways one connection carries requests, client on the left and server on the right. 1. One by one: GET / and its 200 response of 512 bytes, then GET /docs/ and its 200. 2. Pipelined: three GET requests in one write, and the three responses 200, 200 and 404 in the order the requests came. 3. Connection: close: GET / with Connection: close, the 200 response, then the server's FIN, which the client reads as EOF. HTTP/1.1 keeps the connection open; HTTP/1.0 closes after each response.",
            "연결 하나가 요청을 나르는 세 가지 방식입니다. 클라이언트는 왼쪽, 서버는 오른쪽입니다. 1. 차례로: GET /과 512바이트짜리 200 응답, 이어서 GET /docs/와 200 응답. 2. 파이프라이닝: write 한 번에 담긴 GET 요청 세 개와, 요청이 온 순서대로 나가는 응답 200, 200, 404. 3. Connection: close: Connection: close가 붙은 GET /, 200 응답, 그리고 클라이언트가 EOF로 읽는 서버의 FIN. HTTP/1.1은 연결을 유지하고, HTTP/1.0은 응답마다 연결을 닫습니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch05-http-message"] = (T) => {
    // A block of lines, each group with a small label above it.
    const block = (y, cls, head, groups) => {
        const out = [];
        let at = y + 30;
        for (const [label, ls] of groups) {
            out.push(text(30, at, label, "s13 muted", "start"));
            at += 20;
            for (const l of ls) {
                out.push(text(30, at, l, "code s13", "start"));
                at += 19;
            }
            at += 6;
        }
        return { svg: rect(16, y, 368, at - y, cls, 8) + text(30, y + 10, "", "") + out.join("\n"), end: at, head: text(16, y - 8, head, "b", "start") };
    };
    const req = block(70, "client", "", [
        [T("request line", "요청 줄"), ["GET /docs/notes.txt?x=1 HTTP/1.1\\r\\n"]],
        [T("header fields", "헤더"), ["Host: 127.0.0.1:8080\\r\\n", "Accept: */*\\r\\n"]],
        [T("empty line: the head ends", "빈 줄: 헤드 끝"), ["\\r\\n"]],
    ]);
    const ry = req.end + 44;
    const res = block(ry, "server", "", [
        [T("status line", "상태 줄"), ["HTTP/1.1 200 OK\\r\\n"]],
        [T("header fields", "헤더"), ["Content-Length: 62\\r\\n", "Content-Type: text/plain; charset=utf-8\\r\\n"]],
        [T("empty line", "빈 줄"), ["\\r\\n"]],
        [T("body: exactly 62 bytes", "본문: 정확히 62바이트"), ["Notes in plain text.\\n", "일반 텍스트로 된 메모입니다.\\n"]],
    ]);
    const body = [
        heading(T("One exchange, as bytes on the stream", "스트림 위의 바이트로 본 요청과 응답")),
        text(16, 62, T("request: client → server", "요청: 클라이언트 → 서버"), "b client-t", "start"),
        req.svg,
        text(16, ry - 8, T("response: server → client", "응답: 서버 → 클라이언트"), "b server-t", "start"),
        res.svg,
        note(res.end + 28, T(
            ["The next byte after the body starts the next", "response on the same connection."],
            ["본문 바로 다음 바이트부터 같은 연결의", "다음 응답이 시작됩니다."],
        )),
    ];
    return {
        height: res.end + 66,
        title: T("A request and a response, as bytes", "바이트로 본 요청과 응답"),
        desc: T(
            "The request, from client to server: the request line GET /docs/notes.txt?x=1 HTTP/1.1, the header fields Host and Accept, each line ending in CR LF, and an empty line that ends the head. The response, from server to client: the status line HTTP/1.1 200 OK, the header fields Content-Length: 62 and Content-Type, an empty line, and a body of exactly 62 bytes. The next byte after the body starts the next response on the same connection.",
            "클라이언트에서 서버로 가는 요청은 요청 줄 GET /docs/notes.txt?x=1 HTTP/1.1, Host와 Accept 헤더, 그리고 헤드의 끝을 알리는 빈 줄로 이루어지고, 줄마다 CR LF로 끝납니다. 서버에서 클라이언트로 가는 응답은 상태 줄 HTTP/1.1 200 OK, Content-Length: 62와 Content-Type 헤더, 빈 줄, 그리고 정확히 62바이트의 본문입니다. 본문 바로 다음 바이트부터 같은 연결의 다음 응답이 시작됩니다.",
        ),
        body: body.join("\n"),
    };
};

FIGURES["ch05-path"] = (T) => {
    const box = (y, s, cls = "plain") => rect(16, y, 368, 34, cls, 6) + text(200, y + 22, s, "code s13");
    const step = (y, s) => arrow(200, y, 200, y + 30) + text(208, y + 20, s, "s13 sb", "start");
    const body = [
        heading(T("Target → file: decode first, then check", "요청 대상 → 파일: 먼저 디코딩, 그다음 검사")),
        box(48, "/docs/%2e%2e/%2e%2e/secret.txt?lang=ko", "client"),
        step(84, T("1. cut at '?'", "1. '?'에서 자르기")),
        box(116, "/docs/%2e%2e/%2e%2e/secret.txt"),
        step(152, T("2. percent-decode", "2. 퍼센트 디코딩")),
        box(184, "/docs/../../secret.txt"),
        step(220, T("3. check each segment", "3. 조각마다 검사")),
        rect(16, 252, 84, 34, "server", 6), text(58, 274, '"docs" ✓', "code s13"),
        rect(108, 252, 84, 34, "bad", 6), text(150, 274, '".." ✗', "code s13 alert-t"),
        arrow(194, 269, 226, 269, "alert"),
        rect(228, 252, 156, 34, "bad", 6), text(306, 274, "403 Forbidden", "code s13 b alert-t"),
        note(316, T(
            ["Only segments that pass are joined to the root:", "root/docs/index.html, never root/../secret.txt."],
            ["검사를 통과한 조각만 루트에 붙입니다.", "root/docs/index.html은 되지만", "root/../secret.txt는 안 됩니다."],
        )),
        note(T(372, 390), T(
            ["Checking before step 2 sees \"%2e%2e\" and lets it", "through (CVE-2021-41773)."],
            ["2단계 전에 검사하면 \"%2e%2e\"를 \"..\"로 알아보지", "못하고 통과시킵니다(CVE-2021-41773)."],
        ), "s13 alert-t"),
    ];
    return {
        height: T(420, 438),
        title: T("From request target to file: decode first, then check", "요청 대상에서 파일까지: 먼저 디코딩, 그다음 검사"),
        desc: T(
            "The target /docs/%2e%2e/%2e%2e/secret.txt?lang=ko is cut at '?', percent-decoded into /docs/../../secret.txt, then checked segment by segment: \"docs\" passes, \"..\" is refused with 403 Forbidden. Only segments that pass are joined to the root. Checking before decoding sees \"%2e%2e\" and lets it through (CVE-2021-41773).",
            "요청 대상 /docs/%2e%2e/%2e%2e/secret.txt?lang=ko를 '?'에서 자르고, 퍼센트 디코딩해 /docs/../../secret.txt로 만든 다음, 조각마다 검사합니다. \"docs\"는 통과하고 \"..\"는 403 Forbidden으로 거절합니다. 검사를 통과한 조각만 루트에 붙입니다. 디코딩 전에 검사하면 \"%2e%2e\"를 알아보지 못하고 통과시킵니다(CVE-2021-41773).",
        ),
        body: body.join("\n"),
    };
};

// ---------------------------------------------------------------------------------------

export function render() {
    const files = {};
    for (const lang of ["en", "ko"]) {
        const T = (en, ko) => (lang === "en" ? en : ko);
        for (const [name, draw] of Object.entries(FIGURES)) {
            files[`${lang}/${name}.svg`] = svg(lang, draw(T));
        }
    }
    return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const check = process.argv.includes("--check");
    let stale = 0;
    for (const [file, content] of Object.entries(render())) {
        const target = join(OUT, file);
        if (check) {
            let old = "";
            try {
                old = readFileSync(target, "utf8");
            } catch {
                old = "";
            }
            if (old !== content) {
                console.error(`src/images/${file} is not what figures/figures.mjs draws: run node figures/figures.mjs`);
                stale++;
            }
        } else {
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, content);
        }
    }
    process.exit(stale ? 1 : 0);
}
