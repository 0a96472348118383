// Officina's raw-REPL client for MicroPython boards over Web Serial (no build step, no CDN).
//
// Protocol (MicroPython's raw REPL, as mpremote speaks it): Ctrl-C interrupts, Ctrl-A enters raw
// mode ("raw REPL; CTRL-B to exit\r\n>"), Ctrl-D there soft-resets. Raw-paste is requested with
// 05 41 01 and answered "R\x01" (supported) or "R\x00" (not supported; anything else: old
// firmware, which then prints the raw banner again); the board sends a 2-byte little-endian window
// size, each \x01 it sends grants one more window, a \x04 from the board means "stop sending" and
// is answered \x04; the program ends with \x04 and the board acknowledges with \x04. Without
// raw-paste the program goes in 256-byte chunks 10 ms apart, then \x04, and the board says "OK".
// Output: stdout, \x04, error text, \x04, ">". ESP32 boards behind a USB-serial chip reset when
// DTR/RTS toggle: as mpremote, both are asserted together on opening and on closing RTS is
// released before DTR.
// Errors are BoardError values with a code from messages.mjs (both languages).

import { message } from "./messages.mjs";

export const RAW_BANNER = "raw REPL; CTRL-B to exit\r\n";
export const USB_SERIAL_BRIDGES = new Set([0x10c4, 0x1a86, 0x0403, 0x067b]); // CP210x, CH34x, FTDI, PL2303
const BOOTLOADER = /rst:0x|boot:0x|waiting for download|ets [A-Z][a-z]{2} |ESP-ROM|BOOTSEL|UF2 Bootloader|DAPLink/;
const enc = new TextEncoder();

export class BoardError extends Error {
  constructor(code, detail = "") {
    super(message(code));
    this.code = code;
    this.detail = detail;
  }
}

const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function bytesOf(text) {
  return typeof text === "string" ? enc.encode(text) : text;
}

function findSeq(buf, want, from) {
  if (want.length === 1) return buf.indexOf(want[0], from);
  outer: for (let i = from; i <= buf.length - want.length; i++) {
    for (let k = 0; k < want.length; k++) if (buf[i + k] !== want[k]) continue outer;
    return i;
  }
  return -1;
}

// Bytes from the board, waited on with timeouts; closed (with a reason) when the port goes away.
export class ByteQueue {
  constructor() {
    this.buf = [];
    this.waiters = [];
    this.closed = null;
    this.total = 0;
  }
  push(chunk) {
    for (const b of chunk) this.buf.push(b);
    this.total += chunk.length;
    this._wake();
  }
  close(error) {
    if (!this.closed) this.closed = error;
    this._wake();
  }
  _wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
  available() {
    return this.buf.length;
  }
  drain() {
    return Uint8Array.from(this.buf.splice(0));
  }
  _changed(timeoutMs) {
    return new Promise((resolve) => {
      let timer = null;
      const done = () => { if (timer) clearTimeout(timer); resolve(); };
      this.waiters.push(done);
      if (timeoutMs !== Infinity) timer = setTimeout(() => { this.waiters = this.waiters.filter((w) => w !== done); resolve(); }, timeoutMs);
    });
  }
  // Read up to and including `suffix`; returns null on timeout (without onData the bytes stay
  // queued). onData(bytes) streams what arrives (without the suffix) as it comes.
  async readUntil(suffix, timeoutMs, onData = null) {
    const want = Array.from(bytesOf(suffix));
    const deadline = Date.now() + timeoutMs;
    const parts = [];
    let from = 0;
    for (;;) {
      const at = findSeq(this.buf, want, from);
      if (at >= 0) {
        const head = this.buf.splice(0, at + want.length);
        if (onData && at > 0) onData(Uint8Array.from(head.slice(0, at)));
        parts.push(head);
        return Uint8Array.from(parts.flat());
      }
      from = Math.max(0, this.buf.length - want.length + 1);
      if (onData && from > 0) {
        const head = this.buf.splice(0, from);
        onData(Uint8Array.from(head));
        parts.push(head);
        from = 0;
      }
      if (this.closed) throw this.closed;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await this._changed(left);
    }
  }
  async take(n, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (this.buf.length < n) {
      if (this.closed) throw this.closed;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await this._changed(left);
    }
    return Uint8Array.from(this.buf.splice(0, n));
  }
}

// A Web Serial SerialPort opened and pumped into a ByteQueue.
export class SerialLink {
  constructor(port, queue) {
    this.port = port;
    this.queue = queue;
    this.reader = null;
    this.writer = null;
  }
  static async open(port, { baudRate = 115200 } = {}) {
    try {
      await port.open({ baudRate });
    } catch (err) {
      throw new BoardError("port-busy", String(err && err.message || err));
    }
    if (port.setSignals) {
      // As mpremote (pyserial asserts both on open): DTR and RTS asserted together. On an ESP32's
      // auto-reset circuit that keeps EN and IO0 high (no reset, no bootloader); a Pico's USB port
      // sends output only while DTR is asserted.
      await port.setSignals({ dataTerminalReady: true, requestToSend: true });
    }
    const link = new SerialLink(port, new ByteQueue());
    link.writer = port.writable.getWriter();
    link.reader = port.readable.getReader();
    link.pumping = link._pump();
    return link;
  }
  async _pump() {
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) break;
        if (value && value.length) this.queue.push(value);
      }
    } catch (err) {
      // a failed read is a disconnect
    }
    this.queue.close(new BoardError("disconnected"));
  }
  async write(bytes) {
    try {
      await this.writer.write(bytesOf(bytes));
    } catch (err) {
      this.queue.close(new BoardError("disconnected", String(err && err.message || err)));
      throw this.queue.closed;
    }
  }
  async close() {
    const info = this.port.getInfo ? this.port.getInfo() : {};
    if (USB_SERIAL_BRIDGES.has(info.usbVendorId) && this.port.setSignals) {
      // As mpremote's close: RTS first, then DTR, so an ESP32 never sees EN pulled low.
      try {
        await this.port.setSignals({ requestToSend: false });
        await this.port.setSignals({ dataTerminalReady: false });
      } catch (err) { /* already gone */ }
    }
    try { await this.reader.cancel(); } catch (err) { /* already gone */ }
    try { this.reader.releaseLock(); } catch (err) { /* already gone */ }
    try { this.writer.releaseLock(); } catch (err) { /* already gone */ }
    try { await this.port.close(); } catch (err) { /* already gone */ }
  }
}

export class RawRepl {
  constructor(link, { sleep = defaultSleep, timeoutMs = 1500, chunk = 256, chunkPauseMs = 10 } = {}) {
    this.link = link;
    this.queue = link.queue;
    this.sleep = sleep;
    this.timeoutMs = timeoutMs;
    this.chunk = chunk;
    this.chunkPauseMs = chunkPauseMs;
    this.usePaste = true;
    this.inRaw = false;
  }

  // Interrupt whatever runs and enter the raw REPL (optionally soft-resetting: fresh state, no
  // timers left from an earlier program, main.py not run). Classifies a board that never gets
  // there: silent, a bootloader or non-MicroPython banner, or a program that cannot be stopped.
  async enter({ softReset = true } = {}) {
    const seen = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.link.write("\r\x03\x03");
      await this.sleep(100 + 150 * attempt);
      const before = this.queue.drain();
      seen.push(...before);
      await this.link.write("\r\x01");
      const got = await this.queue.readUntil(RAW_BANNER, this.timeoutMs);
      if (got) {
        if (softReset) {
          await this.link.write("\x04");
          if (!(await this.queue.readUntil("soft reboot\r\n", this.timeoutMs * 3))) throw new BoardError("protocol", "no soft reboot");
          if (!(await this.queue.readUntil(RAW_BANNER, this.timeoutMs * 3))) throw new BoardError("protocol", "no raw REPL after reboot");
        }
        this.inRaw = true;
        return;
      }
      seen.push(...this.queue.drain());
    }
    const text = new TextDecoder().decode(Uint8Array.from(seen));
    if (!seen.length) throw new BoardError("no-micropython", "silent");
    if (BOOTLOADER.test(text)) throw new BoardError("no-micropython", text.slice(-200));
    if (/>>> |Traceback|MicroPython/.test(text) || seen.length > 64) throw new BoardError("board-busy", text.slice(-200));
    throw new BoardError("no-micropython", text.slice(-200));
  }

  async _prompt() {
    const got = await this.queue.readUntil(">", this.timeoutMs);
    if (!got) throw new BoardError("protocol", "no raw REPL prompt");
  }

  async _pasteWrite(data) {
    const header = await this.queue.take(2, this.timeoutMs);
    if (!header) throw new BoardError("protocol", "no raw-paste window");
    const window = header[0] | (header[1] << 8);
    let remain = window;
    let i = 0;
    while (i < data.length) {
      while (remain === 0 || this.queue.available()) {
        const b = await this.queue.take(1, this.timeoutMs * 4);
        if (!b) throw new BoardError("protocol", "raw-paste flow control timed out");
        if (b[0] === 0x01) remain += window;
        else if (b[0] === 0x04) { await this.link.write(Uint8Array.of(0x04)); return "aborted"; }
        else throw new BoardError("protocol", `unexpected byte ${b[0]} during raw paste`);
      }
      const part = data.subarray(i, Math.min(i + remain, data.length));
      await this.link.write(part);
      remain -= part.length;
      i += part.length;
    }
    await this.link.write(Uint8Array.of(0x04));
    // Flow-control bytes may still arrive before the acknowledgement.
    for (;;) {
      const b = await this.queue.take(1, this.timeoutMs * 4);
      if (!b) throw new BoardError("protocol", "raw paste not acknowledged");
      if (b[0] === 0x04) return "sent";
      if (b[0] !== 0x01) throw new BoardError("protocol", `unexpected byte ${b[0]} after raw paste`);
    }
  }

  async _send(code) {
    const data = bytesOf(code);
    await this._prompt();
    if (this.usePaste) {
      await this.link.write(Uint8Array.of(0x05, 0x41, 0x01));
      const answer = await this.queue.take(2, this.timeoutMs);
      if (answer && answer[0] === 0x52 && answer[1] === 0x01) {
        await this._pasteWrite(data);
        return;
      }
      if (!(answer && answer[0] === 0x52 && answer[1] === 0x00)) {
        // Old firmware: it took the bytes as input; wait for the raw banner again.
        if (!(await this.queue.readUntil(RAW_BANNER + ">", this.timeoutMs))) throw new BoardError("protocol", "old firmware did not return to raw REPL");
      }
      this.usePaste = false;
    }
    for (let i = 0; i < data.length; i += this.chunk) {
      await this.link.write(data.subarray(i, Math.min(i + this.chunk, data.length)));
      await this.sleep(this.chunkPauseMs);
    }
    await this.link.write(Uint8Array.of(0x04));
    const ok = await this.queue.take(2, this.timeoutMs);
    if (!ok || ok[0] !== 0x4f || ok[1] !== 0x4b) throw new BoardError("protocol", "board did not say OK");
  }

  // Run `code`; onOutput(text) streams stdout as it comes. Resolves with {stdout, error}
  // (error: the traceback text, "" when none) once the board is back at the raw prompt.
  async exec(code, { onOutput = null, runTimeoutMs = Infinity } = {}) {
    if (!this.inRaw) await this.enter();
    await this._send(code);
    const decoder = new TextDecoder();
    const stream = onOutput ? (bytes) => onOutput(decoder.decode(bytes, { stream: true })) : null;
    const out = await this.queue.readUntil("\x04", runTimeoutMs, stream);
    if (!out) throw new BoardError("protocol", "no end of output");
    const err = await this.queue.readUntil("\x04", this.timeoutMs * 4);
    if (!err) throw new BoardError("protocol", "no end of error output");
    const td = new TextDecoder();
    return { stdout: td.decode(out.subarray(0, out.length - 1)), error: td.decode(err.subarray(0, err.length - 1)) };
  }

  // Stop the running program (it ends with KeyboardInterrupt; exec() then resolves).
  async stop() {
    await this.link.write(Uint8Array.of(0x03));
  }

  // Save `code` as main.py on the board (it runs at every power-up).
  async saveMain(code) {
    const result = await this.exec(`f = open('main.py', 'w')\nf.write(${JSON.stringify(code)})\nf.close()\n`);
    if (result.error) throw new BoardError("protocol", result.error);
  }

  // Back to the friendly REPL (Ctrl-B) and close the port.
  async close() {
    try { if (this.inRaw) await this.link.write("\r\x02"); } catch (err) { /* gone */ }
    this.inRaw = false;
    await this.link.close();
  }
}

// --- ports: choosing one, and finding the same board again after a disconnect ----------------

export function hasWebSerial(nav = globalThis.navigator) {
  return Boolean(nav && nav.serial);
}

export async function choosePort(nav = globalThis.navigator, { filters } = {}) {
  if (!hasWebSerial(nav)) throw new BoardError("no-web-serial");
  try {
    return await nav.serial.requestPort(filters ? { filters } : {});
  } catch (err) {
    throw new BoardError("no-port-chosen", String(err && err.name || err));
  }
}

// The same board (same USB vendor/product id) among the ports this page may already use:
// reconnecting needs no new permission prompt.
export async function findSamePort(nav, info) {
  if (!hasWebSerial(nav) || !info) return null;
  const ports = await nav.serial.getPorts();
  return ports.find((p) => {
    const i = p.getInfo ? p.getInfo() : {};
    return i.usbVendorId === info.usbVendorId && i.usbProductId === info.usbProductId;
  }) || null;
}

// Resolves with the port when the same board is plugged back in (or is already there).
export function waitForSameBoard(nav, info) {
  return new Promise((resolve) => {
    const onConnect = async () => {
      const port = await findSamePort(nav, info);
      if (port) { nav.serial.removeEventListener("connect", onConnect); resolve(port); }
    };
    nav.serial.addEventListener("connect", onConnect);
    onConnect();
  });
}

export async function connect(port, options = {}) {
  const link = await SerialLink.open(port, options);
  return new RawRepl(link, options);
}
