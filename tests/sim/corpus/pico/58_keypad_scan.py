# Kit lesson "tastierino a membrana 4x4": rows are outputs driven low one at a time, columns are
# inputs with pull-ups; the program prints each key the scan finds (once per press).
# seconds: 3
# scenario: {"devices": [{"type": "keypad", "rows": [9, 8, 7, 6], "cols": [5, 4, 3, 2], "presses": [[500, "A"], [1200, "*", 300], [2000, "#"], [2500, "D"]]}]}
# stdout: A
# stdout: *
# stdout: #
# stdout: D
# event: keypad:0 press A,*,#,D
from machine import Pin
import time

KEYS = ["123A", "456B", "789C", "*0#D"]
rows = [Pin(n, Pin.OUT, value=1) for n in (9, 8, 7, 6)]
cols = [Pin(n, Pin.IN, Pin.PULL_UP) for n in (5, 4, 3, 2)]


def scan():
    for r, row in enumerate(rows):
        row.value(0)
        for c, col in enumerate(cols):
            if col.value() == 0:
                row.value(1)
                return KEYS[r][c]
        row.value(1)
    return None


last = None
while True:
    key = scan()
    if key is not None and key != last:
        print(key)
    last = key
    time.sleep_ms(20)
