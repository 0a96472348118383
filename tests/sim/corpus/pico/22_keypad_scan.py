# A 4x4 membrane keypad scanned row by row; a key held on row 0 / column 0 prints "1".
# seconds: 3
# scenario: {"devices": [{"type": "button", "pin": 6, "active": "high", "presses": [[1000, 200]]}]}
# stdout: 1
# outcome: time
from machine import Pin
import time

KEYS = [["1", "2", "3", "A"], ["4", "5", "6", "B"], ["7", "8", "9", "C"], ["*", "0", "#", "D"]]
rows = [Pin(p, Pin.OUT) for p in (2, 3, 4, 5)]
cols = [Pin(p, Pin.IN, Pin.PULL_DOWN) for p in (6, 7, 8, 9)]
last = None
while True:
    key = None
    for r, row in enumerate(rows):
        row.value(1)
        for c, col in enumerate(cols):
            if col.value() and r == 0:
                key = KEYS[r][c]
        row.value(0)
    if key != last and key is not None:
        print(key)
    last = key
    time.sleep_ms(20)
