// The lab page's "On a real board" panel (catalog/_board_panel.html): connect a board over Web
// Serial, run the editor's program on it with its output in the console, stop it, save it as
// main.py, and "Check on the board": run it inside Officina's harness and post the printed trace to
// the server, which grades it and records a "real board" attempt. The program is read from the
// workspace form's textarea, which the editor keeps in step. Messages in both languages
// (messages.mjs). No build step, no CDN.

import {
  BoardError, choosePort, connect, findSamePort, hasWebSerial, waitForSameBoard,
} from "./rawrepl.mjs";
import { message, pageLang } from "./messages.mjs";

const FRAME = "@OFR ";

// The program sent for "Check on the board": the same text app.boards.harness.wrap_program
// builds (JSON strings are valid MicroPython string literals).
export function wrapProgram(code, seconds, harness, limit = 20000) {
  return `_OFR_CFG = ${JSON.stringify({ seconds, limit })}\n`
    + `_OFR_SRC = ${JSON.stringify(code)}\n`
    + `_OFR_HARNESS = ${JSON.stringify(harness)}\n`
    + "exec(compile(_OFR_HARNESS, 'officina_harness.py', 'exec'), "
    + "{'__name__': 'officina_harness', '_OFR_CFG': _OFR_CFG, '_OFR_SRC': _OFR_SRC})\n";
}

function newKey() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return "board-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function start() {
  const panel = document.getElementById("board-panel");
  const form = document.getElementById("workspace-form");
  if (!panel || !form) return;
  panel.hidden = false;
  const lang = pageLang();
  const say = (code, extra = "") => { status.textContent = message(code, lang) + (extra ? " " + extra : ""); };
  const status = panel.querySelector("#board-status");
  const consoleBox = panel.querySelector("#board-console");
  const resultBox = panel.querySelector("#board-result");
  const buttons = {};
  for (const b of panel.querySelectorAll("[data-board-action]")) buttons[b.dataset.boardAction] = b;
  const harness = JSON.parse(document.getElementById("board-harness").textContent);
  const seconds = Number(panel.dataset.seconds);
  const csrf = (form.querySelector("input[name=csrf_token]") || {}).value || "";
  let repl = null;
  let info = null;
  let running = false;

  if (!hasWebSerial()) {
    say("no-web-serial");
    for (const b of Object.values(buttons)) b.disabled = true;
    return;
  }

  const code = () => form.elements.code.value;
  const board = () => (form.elements.board ? form.elements.board.value : panel.dataset.board);
  const setRunning = (on) => {
    running = on;
    for (const [name, b] of Object.entries(buttons)) {
      if (name === "stop") b.disabled = !on;
      else if (name !== "reconnect") b.disabled = on;
    }
  };
  const print = (text) => {
    consoleBox.textContent += text;
    if (consoleBox.textContent.length > 20000) consoleBox.textContent = consoleBox.textContent.slice(-16000);
    consoleBox.scrollTop = consoleBox.scrollHeight;
  };

  // Connected and at a fresh raw prompt: every run starts from a soft reset (no timer or PWM
  // left over from the previous program).
  async function ensureRepl() {
    if (repl) { await repl.enter(); return repl; }
    let port = null;
    if (info) port = await findSamePort(navigator, info);
    if (!port) {
      const known = await navigator.serial.getPorts();
      port = known.length === 1 ? known[0] : await choosePort(navigator);
    }
    repl = await connect(port);
    info = port.getInfo ? port.getInfo() : null;
    await repl.enter();
    say("connected");
    return repl;
  }

  async function failed(err) {
    const code = err instanceof BoardError ? err.code : "protocol";
    say(code);
    if (repl) { try { await repl.close(); } catch (e) { /* gone */ } }
    repl = null;
    if (code === "disconnected" && info) {
      buttons.reconnect.hidden = false;
      waitForSameBoard(navigator, info).then(() => {
        buttons.reconnect.hidden = false;
        buttons.reconnect.focus();
      });
    }
  }

  // Run the editor's program as it is: its prints stream into the console.
  async function run() {
    setRunning(true);
    consoleBox.textContent = "";
    resultBox.textContent = "";
    try {
      const r = await ensureRepl();
      say("running");
      const out = await r.exec(code(), { onOutput: print });
      if (out.error) print(out.error);
      say(/KeyboardInterrupt/.test(out.error) ? "stopped" : "finished");
    } catch (err) {
      await failed(err);
    } finally {
      setRunning(false);
    }
  }

  // Run inside the harness, show only the program's own prints, post the trace for grading.
  async function check() {
    setRunning(true);
    consoleBox.textContent = "";
    resultBox.textContent = "";
    const key = newKey();
    const program = code();
    let pending = "";
    const showPrints = (text) => {
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines) if (!line.startsWith(FRAME)) print(line + "\n");
    };
    try {
      const r = await ensureRepl();
      say("running");
      const timer = setTimeout(() => r.stop(), (seconds + 15) * 1000);
      const out = await r.exec(wrapProgram(program, seconds, harness), { onOutput: showPrints });
      clearTimeout(timer);
      if (out.error) print(out.error);
      say("checking");
      const response = await fetch(panel.dataset.attemptUrl, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ code: program, board: board(), output: out.stdout + (out.error ? "\n" + out.error : ""), idempotency_key: key }),
      });
      const data = await response.json();
      status.textContent = data.message || "";
      if (data.html) resultBox.innerHTML = data.html;
      const history = document.getElementById("workspace-attempts");
      if (data.history_html && history) history.outerHTML = data.history_html;
    } catch (err) {
      await failed(err);
    } finally {
      setRunning(false);
    }
  }

  async function save() {
    setRunning(true);
    try {
      const r = await ensureRepl();
      await r.saveMain(code());
      say("saved");
    } catch (err) {
      await failed(err);
    } finally {
      setRunning(false);
    }
  }

  buttons.run?.addEventListener("click", run);
  buttons.check?.addEventListener("click", check);
  buttons.save?.addEventListener("click", save);
  buttons.stop?.addEventListener("click", () => { if (repl && running) repl.stop(); });
  buttons.reconnect?.addEventListener("click", async () => {
    buttons.reconnect.hidden = true;
    try { await ensureRepl(); say("reconnected"); } catch (err) { await failed(err); }
  });
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
