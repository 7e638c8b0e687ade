// The socket lifecycle, one call at a time.
//
// Fills every <div class="lifecycle"></div> in a chapter with a stepper: the reader steps
// through socket, bind, listen, connect, accept, write, read and close, and sees what each
// side calls, what crosses the wire (each segment of the three-way handshake and of the
// four-way close on its own step), and the TCP state of each side change: every state of
// RFC 9293 that a connection passes through here, as the kernel names them (`ss -tan` prints
// them with dashes). The text follows the language of the chapter the stepper sits in (on
// print.html, which holds both languages, that is not the page's), and on paper every step is
// printed. On a narrow screen client, network and server are stacked as rows. Without
// JavaScript the chapter's own diagram and prose say the same, less interactively.
(function () {
    "use strict";

    const UI = {
        en: { title: "The life of a TCP connection, step by step", client: "Client", server: "Server", wire: "Network", back: "◀ Back", next: "Next ▶", restart: "Restart", step: (n, total) => `Step ${n} of ${total}`, listening: "listening socket", connected: "connected socket" },
        ko: { title: "TCP 연결의 일생, 한 단계씩", client: "클라이언트", server: "서버", wire: "네트워크", back: "◀ 이전", next: "다음 ▶", restart: "처음으로", step: (n, total) => `${total}단계 중 ${n}단계`, listening: "수신 대기 소켓", connected: "연결된 소켓" },
    };

    // Each step: the call made (and by whom), the segment on the wire, the states after it,
    // and what it means. `conn` is the server's connected socket (it exists from accept on;
    // before that the connection waits in the kernel's queues).
    const STEPS = [
        { who: "", call: "", wire: "", client: "—", server: "—", conn: "",
          en: "Nothing exists yet. Press Next to follow one TCP connection from birth to death.",
          ko: "아직 아무것도 없습니다. 다음을 눌러 TCP 연결 하나가 생겨나고 사라지는 과정을 따라가 보세요." },
        { who: "server", call: "socket()", wire: "", client: "—", server: "CLOSED", conn: "",
          en: "The server asks the kernel for a socket: a file descriptor with no address and no connection.",
          ko: "서버가 커널에게 소켓을 요청합니다. 주소도 연결도 없는 파일 디스크립터(file descriptor)입니다." },
        { who: "server", call: "bind(127.0.0.1:7878)", wire: "", client: "—", server: "CLOSED", conn: "",
          en: "bind gives the socket its local address. Nothing is sent; the port is now taken.",
          ko: "bind가 소켓에 로컬 주소를 붙입니다. 아무것도 전송되지 않고, 이제 그 포트는 사용 중입니다." },
        { who: "server", call: "listen(128)", wire: "", client: "—", server: "LISTEN", conn: "",
          en: "listen turns it into a listening socket: from now on the kernel answers connection requests for it.",
          ko: "listen이 소켓을 수신 대기 소켓으로 바꿉니다. 이제부터 커널이 이 소켓 앞으로 온 연결 요청에 응답합니다." },
        { who: "client", call: "socket()", wire: "", client: "CLOSED", server: "LISTEN", conn: "",
          en: "The client makes its own socket. It does not need bind: connect picks an ephemeral port.",
          ko: "클라이언트도 소켓을 만듭니다. bind는 필요 없습니다. connect가 임시 포트를 골라 줍니다." },
        { who: "client", call: "connect(127.0.0.1:7878)", wire: "SYN →", client: "SYN_SENT", server: "LISTEN", conn: "SYN_RECV",
          en: "connect sends a SYN and waits. The server's kernel records the half-open connection (SYN_RECV) in its SYN queue.",
          ko: "connect가 SYN을 보내고 기다립니다. 서버 커널은 반쯤 열린 연결(SYN_RECV)을 SYN 큐에 기록합니다." },
        { who: "", call: "", wire: "← SYN+ACK", client: "ESTABLISHED", server: "LISTEN", conn: "SYN_RECV",
          en: "The server's kernel answers with SYN+ACK: its own sequence number, and the client's plus one. For the client the connection is ESTABLISHED, and connect returns.",
          ko: "서버 커널이 자기 시퀀스 번호와, 클라이언트의 번호에 1을 더한 값을 담아 SYN+ACK로 답합니다. 이제 클라이언트 쪽 연결은 ESTABLISHED이고, connect가 반환됩니다." },
        { who: "", call: "", wire: "ACK →", client: "ESTABLISHED", server: "LISTEN", conn: "ESTABLISHED",
          en: "The client's kernel acknowledges: the three-way handshake is done. The connection is ESTABLISHED and waits in the accept queue: the server program has not seen it yet.",
          ko: "클라이언트 커널이 ACK를 보내면 3-way 핸드셰이크가 끝납니다. 연결은 ESTABLISHED 상태로 연결 수락 큐에서 기다립니다. 서버 프로그램은 아직 이 연결을 모릅니다." },
        { who: "server", call: "accept()", wire: "", client: "ESTABLISHED", server: "LISTEN", conn: "ESTABLISHED",
          en: "accept takes the connection off the queue and returns a new, connected socket. The listening socket stays in LISTEN for the next client.",
          ko: "accept가 큐에서 연결을 꺼내 새 연결된 소켓을 돌려줍니다. 수신 대기 소켓은 다음 클라이언트를 위해 LISTEN 상태로 남습니다." },
        { who: "client", call: "write(\"hello\")", wire: "hello →", client: "ESTABLISHED", server: "LISTEN", conn: "ESTABLISHED",
          en: "write copies the bytes into the kernel's send buffer and returns; TCP delivers them.",
          ko: "write는 바이트를 커널의 송신 버퍼에 복사하고 반환합니다. 전달은 TCP가 맡습니다." },
        { who: "server", call: "read() → 5, write(\"hello\")", wire: "← hello", client: "ESTABLISHED", server: "LISTEN", conn: "ESTABLISHED",
          en: "The server's read returns the 5 bytes that arrived, and it writes them back. Both directions work at the same time.",
          ko: "서버의 read가 도착한 5바이트를 돌려주고, 서버는 그 바이트를 그대로 다시 씁니다. 양방향이 동시에 동작합니다." },
        { who: "client", call: "shutdown(Write)", wire: "FIN →", client: "FIN_WAIT_1", server: "LISTEN", conn: "CLOSE_WAIT",
          en: "The client is done sending and sends a FIN (FIN_WAIT_1: not acknowledged yet). The server's kernel receives it: CLOSE_WAIT, and the server's next read returns 0 (EOF). The server can still write.",
          ko: "클라이언트가 보내기를 마치고 FIN을 보냅니다(FIN_WAIT_1, 아직 확인 응답을 받지 못함). FIN을 받은 서버 쪽은 CLOSE_WAIT가 되고, 서버의 다음 read는 0(EOF)을 반환합니다. 서버는 여전히 쓸 수 있습니다." },
        { who: "", call: "", wire: "← ACK", client: "FIN_WAIT_2", server: "LISTEN", conn: "CLOSE_WAIT",
          en: "The server's kernel acknowledges the FIN. The client waits in FIN_WAIT_2 for the server's own FIN. (Often this ACK rides on the server's next data or on its FIN.)",
          ko: "서버 커널이 FIN을 받았다는 ACK를 보냅니다. 클라이언트는 FIN_WAIT_2에서 서버의 FIN을 기다립니다. 이 ACK는 서버가 이어서 보내는 데이터나 FIN에 함께 실려 가는 일이 많습니다." },
        { who: "server", call: "close()", wire: "← FIN", client: "TIME_WAIT", server: "LISTEN", conn: "LAST_ACK",
          en: "The server closes its connected socket and sends its own FIN (LAST_ACK: waiting for the ACK of it). The client receives it, acknowledges it and enters TIME_WAIT: the side that closed first waits.",
          ko: "서버가 연결된 소켓을 닫고 자기 FIN을 보냅니다(LAST_ACK, 이 FIN의 ACK를 기다림). FIN을 받은 클라이언트는 ACK를 보내고 TIME_WAIT에 들어갑니다. 먼저 닫은 쪽이 기다립니다." },
        { who: "", call: "", wire: "ACK →", client: "TIME_WAIT", server: "LISTEN", conn: "CLOSED",
          en: "The ACK arrives: the server's side is gone. The client's side stays in TIME_WAIT for 2×MSL (60 s on Linux), so that a late segment cannot be mistaken for a new connection's.",
          ko: "ACK가 도착하면 서버 쪽 연결은 사라집니다. 클라이언트 쪽은 2×MSL(리눅스에서 60초) 동안 TIME_WAIT에 머뭅니다. 늦게 도착한 세그먼트가 새 연결의 것으로 오인되지 않게 하기 위해서입니다." },
        { who: "", call: "", wire: "", client: "CLOSED", server: "LISTEN", conn: "",
          en: "TIME_WAIT has expired. Only the listening socket is left, ready for the next client.",
          ko: "TIME_WAIT가 끝났습니다. 수신 대기 소켓만 남아 다음 클라이언트를 기다립니다." },
    ];

    // Each slot of the stepper holds the text of every step at once, stacked in one grid cell,
    // and shows the current one: the slot is as tall as its tallest text at any width, so the
    // stepper keeps its height from step to step and Next stays where the thumb is.
    function slot(el, values) {
        const distinct = Array.from(new Set(values.concat([""])));
        el.classList.add("lifecycle-slot");
        distinct.forEach(function (value) {
            const v = document.createElement("span");
            v.textContent = value || "\u00a0";
            v.dataset.value = value;
            el.appendChild(v);
        });
        return function show(value) {
            Array.from(el.children).forEach((v) => v.classList.toggle("on", v.dataset.value === value));
        };
    }

    function language(root) {
        const holder = root.closest("[lang]");
        return holder && holder.getAttribute("lang").startsWith("ko") ? "ko" : "en";
    }

    function build(root) {
        const lang = language(root);
        const ui = UI[lang];
        const last = STEPS.length - 1;
        root.setAttribute("role", "group");
        root.setAttribute("aria-label", ui.title);
        root.setAttribute("lang", lang);
        root.innerHTML =
            '<div class="lifecycle-head">' +
            '<span class="lifecycle-count"></span>' +
            `<button type="button" class="lifecycle-restart" data-go="restart">${ui.restart}</button>` +
            "</div>" +
            '<div class="lifecycle-grid">' +
            `<div class="lifecycle-side" data-side="client"><span class="lifecycle-label">${ui.client}</span>` +
            '<div class="lifecycle-call"></div><div class="lifecycle-state"></div></div>' +
            `<div class="lifecycle-wire"><span class="lifecycle-label">${ui.wire}</span><div class="lifecycle-packet"></div></div>` +
            `<div class="lifecycle-side" data-side="server"><span class="lifecycle-label">${ui.server}</span>` +
            '<div class="lifecycle-call"></div><div class="lifecycle-state"></div><div class="lifecycle-conn"></div></div>' +
            "</div>" +
            '<div class="lifecycle-text"></div>' +
            '<p class="lifecycle-live" aria-live="polite"></p>' +
            '<div class="lifecycle-controls">' +
            `<button type="button" data-go="back">${ui.back}</button>` +
            `<button type="button" data-go="next">${ui.next}</button>` +
            "</div>" +
            printable(ui, lang);
        let at = 0;
        const q = (sel) => root.querySelector(sel);
        const client = q('[data-side="client"]');
        const server = q('[data-side="server"]');

        // What each slot shows at each step.
        const listening = (s) => (s.server ? (s.conn ? `${ui.listening}: ${s.server}` : s.server) : "");
        const connected = (s) => (s.conn ? `${ui.connected}: ${s.conn}` : "");
        const show = {
            clientCall: slot(client.querySelector(".lifecycle-call"), STEPS.map((s) => (s.who === "client" ? s.call : ""))),
            clientState: slot(client.querySelector(".lifecycle-state"), STEPS.map((s) => s.client)),
            serverCall: slot(server.querySelector(".lifecycle-call"), STEPS.map((s) => (s.who === "server" ? s.call : ""))),
            serverState: slot(server.querySelector(".lifecycle-state"), STEPS.map(listening)),
            serverConn: slot(server.querySelector(".lifecycle-conn"), STEPS.map(connected)),
            packet: slot(q(".lifecycle-packet"), STEPS.map((s) => s.wire)),
            text: slot(q(".lifecycle-text"), STEPS.map((s) => s[lang])),
            count: slot(q(".lifecycle-count"), STEPS.map((_, n) => ui.step(n, last))),
        };
        // Arrows point across (→, ←) while client and server sit side by side; stacked on a
        // narrow screen, the style turns them to point down and up.
        q(".lifecycle-packet").querySelectorAll("span").forEach(function (v) {
            v.innerHTML = v.textContent.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c])
                .replace(/[→←]/g, '<span class="lifecycle-arrow">$&</span>');
        });

        function setDisabled(button, disabled) {
            // aria-disabled, not disabled: a disabled button drops the focus to <body>, and a
            // reader pressing Next on the last step would lose their place.
            button.setAttribute("aria-disabled", disabled ? "true" : "false");
            button.classList.toggle("is-disabled", disabled);
        }

        function render() {
            const s = STEPS[at];
            show.clientCall(s.who === "client" ? s.call : "");
            show.serverCall(s.who === "server" ? s.call : "");
            show.clientState(s.client);
            show.serverState(listening(s));
            show.serverConn(connected(s));
            show.packet(s.wire);
            show.text(s[lang]);
            show.count(ui.step(at, last));
            client.classList.toggle("active", s.who === "client");
            server.classList.toggle("active", s.who === "server");
            client.querySelector(".lifecycle-state").dataset.state = s.client;
            server.querySelector(".lifecycle-state").dataset.state = s.server;
            server.querySelector(".lifecycle-conn").dataset.state = s.conn;
            setDisabled(q('[data-go="back"]'), at === 0);
            setDisabled(q('[data-go="next"]'), at === last);
            root.dataset.step = String(at);
        }

        function go(where) {
            const to = where === "next" ? at + 1 : where === "back" ? at - 1 : where === "restart" ? 0 : where === "end" ? last : at;
            if (to < 0 || to > last || to === at) {
                return;
            }
            at = to;
            render();
            // Said once per step, for screen readers: the step, then what happened.
            const s = STEPS[at];
            q(".lifecycle-live").textContent = `${ui.step(at, last)}. ${s[lang]}`;
        }

        root.addEventListener("click", function (e) {
            const button = e.target.closest("button[data-go]");
            if (button && root.contains(button) && button.getAttribute("aria-disabled") !== "true") {
                go(button.dataset.go);
            }
        });
        // The arrow keys move the stepper while one of its buttons has the focus; mdBook's
        // own handler (on the document) would turn the page, so the event stops here.
        root.addEventListener("keydown", function (e) {
            if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !e.target.closest("button")) {
                return;
            }
            const where = { ArrowRight: "next", ArrowLeft: "back", Home: "restart", End: "end" }[e.key];
            if (where) {
                e.preventDefault();
                e.stopPropagation();
                go(where);
            }
        });
        render();
    }

    // Every step at once, for print: the stepper's buttons mean nothing on paper.
    function printable(ui, lang) {
        const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
        const rows = STEPS.slice(1).map(function (s) {
            const call = s.call ? `<code>${esc(s.call)}</code> (${s.who === "client" ? ui.client : ui.server})` : "";
            const wire = s.wire ? `<code>${esc(s.wire)}</code>` : "";
            const states = `${ui.client}: <code>${esc(s.client)}</code> · ${ui.server}: <code>${esc(s.server)}</code>` +
                (s.conn ? ` · ${ui.connected}: <code>${esc(s.conn)}</code>` : "");
            return `<li><p>${[call, wire].filter(Boolean).join(" · ")}</p><p>${states}</p><p>${esc(s[lang])}</p></li>`;
        });
        return `<ol class="lifecycle-print">${rows.join("")}</ol>`;
    }

    document.querySelectorAll("div.lifecycle").forEach(build);
})();
