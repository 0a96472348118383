// The raw-REPL client against a scripted fake serial port: every error the page explains, and
// raw-paste flow control. Run with: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  BoardError, RawRepl, choosePort, connect, findSamePort, waitForSameBoard,
} from "../../app/static/js/board/rawrepl.mjs";
import { MESSAGES, message } from "../../app/static/js/board/messages.mjs";
import { FakeBoard, FakePort, FakeSerial } from "./fake_serial.mjs";

const FAST = { timeoutMs: 150, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) };

async function rejectsWith(promise, code) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof BoardError, `not a BoardError: ${err}`);
    assert.equal(err.code, code);
    return true;
  });
}

test("no Web Serial in this browser is explained", async () => {
  await rejectsWith(choosePort({}), "no-web-serial");
});

test("closing the port chooser without a board is explained", async () => {
  await rejectsWith(choosePort({ serial: new FakeSerial([]) }), "no-port-chosen");
});

test("a port already open in another tab or program is 'port busy'", async () => {
  const port = new FakePort(new FakeBoard(), { busy: true });
  await rejectsWith(connect(port, FAST), "port-busy");
});

test("a board showing only a bootloader banner has no MicroPython", async () => {
  const repl = await connect(new FakePort(new FakeBoard({ kind: "bootloader" })), FAST);
  await rejectsWith(repl.enter(), "no-micropython");
});

test("a silent board has no MicroPython (or a power-only cable)", async () => {
  const repl = await connect(new FakePort(new FakeBoard({ kind: "silent" })), FAST);
  await rejectsWith(repl.enter(), "no-micropython");
});

test("a main.py that keeps printing and ignores Ctrl-C is 'board busy'", async () => {
  const repl = await connect(new FakePort(new FakeBoard({ kind: "busy" })), FAST);
  await rejectsWith(repl.enter(), "board-busy");
});

test("entering raw mode interrupts, soft-resets and waits for the raw prompt", async () => {
  const board = new FakeBoard();
  const repl = await connect(new FakePort(board), FAST);
  await repl.enter();
  assert.equal(board.softResets, 1);
  assert.equal(board.received[0], 0x0d); // "\r\x03\x03" first
  assert.equal(board.received[1], 0x03);
});

test("raw-paste respects the board's window and every \\x01 grant", async () => {
  const program = "print('x')\n".repeat(100); // 1100 bytes through a 16-byte window
  const board = new FakeBoard({ window: 16, run: () => ({ stdout: "x\r\n", error: "" }) });
  const repl = await connect(new FakePort(board), FAST);
  const result = await repl.exec(program);
  assert.equal(board.overrun, false);
  assert.equal(board.programs[0], program);
  assert.deepEqual(result, { stdout: "x\r\n", error: "" });
  const sent = Uint8Array.from(board.received);
  const at = sent.findIndex((b, i) => b === 0x05 && sent[i + 1] === 0x41 && sent[i + 2] === 0x01);
  assert.ok(at >= 0, "raw-paste request 05 41 01 was sent");
});

test("a \\x04 from the board stops the paste and is answered with \\x04", async () => {
  const board = new FakeBoard({ window: 8, abortPasteAfter: 20 });
  const repl = await connect(new FakePort(board), FAST);
  const result = await repl.exec("x = (\n".repeat(20));
  assert.match(result.error, /SyntaxError/);
  assert.ok(board.received.length < 200, "the client stopped sending");
  assert.equal(board.state, "raw");
});

test("without raw-paste (R\\x00) the program goes in small chunks with pauses", async () => {
  const pauses = [];
  const board = new FakeBoard({ paste: "no", run: (code) => ({ stdout: `got ${code.length}`, error: "" }) });
  const repl = await connect(new FakePort(board), { ...FAST, sleep: async (ms) => { pauses.push(ms); } });
  const program = "a = 1\n".repeat(100); // 600 bytes
  const result = await repl.exec(program);
  assert.equal(result.stdout, "got 600");
  assert.ok(pauses.filter((ms) => ms === 10).length >= 3, "a pause after each 256-byte chunk");
  assert.equal(repl.usePaste, false);
});

test("old firmware (no answer to raw-paste) falls back to plain raw REPL", async () => {
  const board = new FakeBoard({ paste: "old", run: () => ({ stdout: "ok", error: "" }) });
  const repl = await connect(new FakePort(board), FAST);
  const result = await repl.exec("print('ok')\n");
  assert.equal(result.stdout, "ok");
  assert.equal(board.programs[0], "print('ok')\n");
});

test("an error on the board comes back as its traceback text", async () => {
  const board = new FakeBoard({ run: () => ({ stdout: "a\r\n", error: "Traceback...\r\nNameError: name 'x' isn't defined\r\n" }) });
  const repl = await connect(new FakePort(board), FAST);
  const result = await repl.exec("print('a')\nx\n");
  assert.equal(result.stdout, "a\r\n");
  assert.match(result.error, /NameError/);
});

test("output streams into the console as it arrives", async () => {
  const board = new FakeBoard({ run: () => ({ stdout: "one\r\ntwo\r\nthree\r\n", error: "" }) });
  const repl = await connect(new FakePort(board), FAST);
  let seen = "";
  const result = await repl.exec("...", { onOutput: (text) => { seen += text; } });
  assert.equal(seen, result.stdout);
});

test("stop sends Ctrl-C and the run ends with KeyboardInterrupt", async () => {
  const board = new FakeBoard({ run: () => ({ stdout: "tick\r\n", forever: true }) });
  const repl = await connect(new FakePort(board), FAST);
  const running = repl.exec("while True: pass\n");
  await new Promise((r) => setTimeout(r, 20));
  await repl.stop();
  const result = await running;
  assert.match(result.error, /KeyboardInterrupt/);
});

test("a disconnect mid-run is reported, and the same board reconnects without a prompt", async () => {
  const board = new FakeBoard({ run: () => ({ stdout: "@OFR 1 pin:LED value 1\n".repeat(5) }), disconnectAfterBytes: 30 });
  const port = new FakePort(board, { usbVendorId: 0x2e8a, usbProductId: 0x0005 });
  const serial = new FakeSerial([port], { chosen: port });
  const repl = await connect(await choosePort({ serial }), FAST);
  await rejectsWith(repl.exec("run()\n"), "disconnected");
  serial.unplug(port);
  assert.equal(await findSamePort({ serial }, port.getInfo()), null);
  const again = new FakePort(new FakeBoard(), { usbVendorId: 0x2e8a, usbProductId: 0x0005 });
  const back = waitForSameBoard({ serial }, port.getInfo());
  serial.plugIn(again);
  assert.equal(await back, again);
  serial.chosen = null; // no prompt may be needed: requestPort would now fail
  const repl2 = await connect(again, FAST);
  await repl2.enter();
});

test("DTR and RTS are set as mpremote does: together on open, RTS before DTR on close (ESP32)", async () => {
  for (const [vid, pid] of [[0x10c4, 0xea60], [0x1a86, 0x7523]]) {
    const port = new FakePort(new FakeBoard(), { usbVendorId: vid, usbProductId: pid });
    const repl = await connect(port, FAST);
    assert.deepEqual(port.signals, [{ dataTerminalReady: true, requestToSend: true }]);
    await repl.close();
    assert.deepEqual(port.signals.slice(1), [{ requestToSend: false }, { dataTerminalReady: false }]);
  }
  const pico = new FakePort(new FakeBoard());
  const repl = await connect(pico, FAST);
  await repl.close();
  assert.deepEqual(pico.signals, [{ dataTerminalReady: true, requestToSend: true }]);
});

test("saving as main.py writes the program as a string literal", async () => {
  const board = new FakeBoard();
  const repl = await connect(new FakePort(board), FAST);
  const code = 'print("ciao")\n# è\n';
  await repl.saveMain(code);
  assert.equal(board.programs[0], `f = open('main.py', 'w')\nf.write(${JSON.stringify(code)})\nf.close()\n`);
});

test("every message exists in Italian and English", () => {
  for (const [code, texts] of Object.entries(MESSAGES)) {
    assert.ok(texts.it && texts.en, code);
    assert.notEqual(texts.it, texts.en, code);
  }
  assert.equal(message("port-busy", "en"), MESSAGES["port-busy"].en);
  assert.equal(message("port-busy"), MESSAGES["port-busy"].it); // no document: Italian
});
