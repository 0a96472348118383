// A scripted fake of a Web Serial port with a MicroPython board behind it, for the raw-REPL
// client's tests. It speaks the board's side of the protocol byte by byte (friendly REPL, raw REPL,
// raw-paste with its window flow control, soft reset, Ctrl-C) and can misbehave on purpose:
// silent, a bootloader banner, a main.py that cannot be stopped, a port already open elsewhere,
// a disconnect in the middle of a run, a paste aborted by the board, old firmware.

const enc = new TextEncoder();
const dec = new TextDecoder();
export const RAW_BANNER = "raw REPL; CTRL-B to exit\r\n";

export class FakeBoard {
  constructor({
    kind = "micropython", // micropython | silent | bootloader | busy
    paste = "yes", // yes | no | old
    window = 32,
    run = (code) => ({ stdout: "", error: "" }), // what a program prints ({forever: true} runs until Ctrl-C)
    disconnectAfterBytes = null, // close the stream after this many output bytes of a run
    abortPasteAfter = null, // send \x04 after this many pasted bytes (e.g. a syntax error)
  } = {}) {
    Object.assign(this, { kind, paste, window, run, disconnectAfterBytes, abortPasteAfter });
    this.state = "friendly";
    this.line = [];
    this.received = [];
    this.programs = [];
    this.softResets = 0;
    this.overrun = false;
    this.granted = 0;
    this.pending = 0;
    this.controller = null;
    this.gone = false;
    this.bannerSent = false;
  }
  send(text) {
    if (this.gone || !this.controller) return;
    this.controller.enqueue(typeof text === "string" ? enc.encode(text) : text);
  }
  later(fn) {
    setTimeout(fn, 1);
  }
  disconnect() {
    this.gone = true;
    this.controller.error(new Error("The device has been lost."));
  }
  receive(chunk) {
    for (const b of chunk) {
      this.received.push(b);
      this.byte(b);
    }
    this.granted += this.pending;
    this.pending = 0;
  }
  byte(b) {
    if (this.kind === "silent") return;
    if (this.kind === "bootloader") {
      if (!this.bannerSent) { this.bannerSent = true; this.send("ESP-ROM:esp32s3-20210327\r\nwaiting for download\r\n"); }
      return;
    }
    if (this.kind === "busy") { this.send("tick 42\r\n"); return; }
    switch (this.state) {
      case "friendly":
        if (b === 0x01) { this.state = "raw"; this.line = []; this.send("\r\n" + RAW_BANNER + ">"); }
        else if (b === 0x03) this.send("\r\n>>> ");
        return;
      case "raw": return this.rawByte(b);
      case "paste-negotiate": return this.negotiate(b);
      case "paste": return this.pasteByte(b);
      case "paste-aborted":
        if (b === 0x04) { this.state = "raw"; this.later(() => this.send("\x04Traceback (most recent call last):\r\nSyntaxError: invalid syntax\r\n\x04>")); }
        return;
      case "running":
        if (b === 0x03) this.interrupt();
        return;
    }
  }
  rawByte(b) {
    if (b === 0x01) { this.line = []; this.send("\r\n" + RAW_BANNER + ">"); return; }
    if (b === 0x02) { this.state = "friendly"; this.send("\r\nMicroPython v1.24.0 on 2024-10-25; Raspberry Pi Pico with RP2040\r\n>>> "); return; }
    if (b === 0x03) { this.line = []; return; }
    if (b === 0x05 && this.line.length === 0) { this.state = "paste-negotiate"; this.nego = []; return; }
    if (b === 0x04) {
      if (this.line.length === 0) {
        this.softResets += 1;
        this.later(() => this.send("OK\r\nMPY: soft reboot\r\n" + RAW_BANNER + ">"));
        return;
      }
      const code = dec.decode(Uint8Array.from(this.line));
      this.line = [];
      this.send("OK");
      this.start(code);
      return;
    }
    this.line.push(b);
  }
  negotiate(b) {
    this.nego.push(b);
    if (this.nego.length < 2) return;
    if (this.paste === "yes") {
      this.state = "paste";
      this.pasted = [];
      this.granted = this.window;
      this.send(Uint8Array.of(0x52, 0x01, this.window & 0xff, this.window >> 8));
    } else if (this.paste === "no") {
      this.state = "raw";
      this.send("R\x00");
    } else {
      // Old firmware: Ctrl-E meant nothing; it starts a fresh raw REPL.
      this.state = "raw";
      this.send("\r\n" + RAW_BANNER + ">");
    }
  }
  pasteByte(b) {
    if (b === 0x04) {
      this.send("\x04");
      this.start(dec.decode(Uint8Array.from(this.pasted)));
      return;
    }
    this.pasted.push(b);
    if (this.pasted.length > this.granted) this.overrun = true;
    if (this.abortPasteAfter !== null && this.pasted.length === this.abortPasteAfter) {
      this.state = "paste-aborted";
      this.send("\x04");
      return;
    }
    if (this.pasted.length % this.window === 0) {
      // A window consumed: grant the next one. It counts once this write is over: bytes that
      // came in the same write were sent before the client could have seen the grant.
      this.pending += this.window;
      this.send("\x01");
    }
  }
  start(code) {
    this.programs.push(code);
    const result = this.run(code) || {};
    this.state = "running";
    this.running = result;
    this.later(() => {
      const out = enc.encode(result.stdout || "");
      if (this.disconnectAfterBytes !== null) {
        this.send(out.subarray(0, this.disconnectAfterBytes));
        this.disconnect();
        return;
      }
      this.send(out);
      if (!result.forever) this.finish(result.error || "");
    });
  }
  finish(error) {
    this.state = "raw";
    this.send("\x04" + error + "\x04>");
  }
  interrupt() {
    this.finish("Traceback (most recent call last):\r\n  File \"<stdin>\", line 3, in <module>\r\nKeyboardInterrupt: \r\n");
  }
}

export class FakePort {
  constructor(board, { usbVendorId = 0x2e8a, usbProductId = 0x0005, busy = false } = {}) {
    this.board = board;
    this.info = { usbVendorId, usbProductId };
    this.busy = busy;
    this.signals = [];
    this.opened = false;
  }
  getInfo() {
    return this.info;
  }
  async open({ baudRate }) {
    if (this.busy) { const e = new Error("Failed to open serial port."); e.name = "NetworkError"; throw e; }
    this.baudRate = baudRate;
    this.opened = true;
    const board = this.board;
    this.readable = new ReadableStream({ start(controller) { board.controller = controller; } });
    this.writable = new WritableStream({ write(chunk) { board.receive(chunk); } });
  }
  async setSignals(signals) {
    this.signals.push(signals);
  }
  async close() {
    this.opened = false;
  }
}

export class FakeSerial {
  constructor(ports = [], { chosen = null } = {}) {
    this.ports = ports;
    this.chosen = chosen;
    this.listeners = new Set();
  }
  async requestPort() {
    if (!this.chosen) { const e = new Error("No port selected by the user."); e.name = "NotFoundError"; throw e; }
    if (!this.ports.includes(this.chosen)) this.ports.push(this.chosen);
    return this.chosen;
  }
  async getPorts() {
    return [...this.ports];
  }
  addEventListener(type, fn) { if (type === "connect") this.listeners.add(fn); }
  removeEventListener(type, fn) { this.listeners.delete(fn); }
  plugIn(port) {
    this.ports.push(port);
    for (const fn of [...this.listeners]) fn({ target: port });
  }
  unplug(port) {
    this.ports = this.ports.filter((p) => p !== port);
  }
}
