# MicroPython source (runs INSIDE the sandboxed interpreter, compiled to .mpy by app.sim.guestbuild).
# The guest half of the bridge to the host's virtual board (app/sim/hal). Every hardware action is
# ONE host call: hc(name, payload) where name is a command letter plus a pin/bus label, small ints
# go in the argument array A (array('i', 8 slots)) and results come back in A or in the reply
# buffer RB. The host keeps the clock, the scenario and the trace: nothing here is trusted, and
# nothing here can forge anything (any call sequence is one the public API could make).
# A reply of '' means "done"; a non-empty reply means "a Timer/IRQ callback is due": its id is in
# A[0]; we run it, say 'k' (continue) and the host then performs the interrupted command.


class Bridge:
    def __init__(self, call, A, RB):
        self.call = call
        self.A = A
        self.RB = RB
        self.cbs = {}  # callback id -> (function, argument, "Timer"/"IRQ", on_error)
        self.next_id = 0

    def new_cb(self, fn, arg, what, on_error=None):
        self.next_id += 1
        self.cbs[self.next_id] = (fn, arg, what, on_error)
        return self.next_id

    def drop_cb(self, cb_id):
        if cb_id in self.cbs:
            del self.cbs[cb_id]

    def run_due(self):
        # Called when a host call answered "callback due": run callbacks until the host has
        # finished the interrupted command.
        call = self.call
        while True:
            e = self.cbs.get(self.A[0])
            if e is not None and e[0] is not None:
                self._run(e)
            if not call("k", ""):
                return

    def _run(self, e):
        # Exceptions inside IRQ/Timer callbacks are reported like the real port does and do not
        # stop the main program; SystemExit and other BaseExceptions still propagate.
        try:
            e[0](e[1])
        except Exception as ex:
            import sys
            import io
            s = io.StringIO()
            sys.print_exception(ex, s)
            text = s.getvalue()
            print("Uncaught exception in %s callback handler" % e[2])
            print(text, end="")
            line = line_of(text)
            self.call("e", "%s|%s|%s" % (type(ex).__name__, "" if line is None else line,
                                         str(ex)[:200]))
            if e[3] is not None:
                e[3]()


def line_of(text):
    line = None
    for part in text.split("\n"):
        part = part.strip()
        if part.startswith('File "main.py", line '):
            num = part[len('File "main.py", line '):].split(",")[0]
            try:
                line = int(num)
            except ValueError:
                pass
    return line
