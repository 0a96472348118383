# Kit lesson "serratura a combinazione": columns are outputs pulsed low one at a time, rows are
# inputs with pull-ups (the other way round from the usual wiring); four digits and # open it.
# seconds: 4
# scenario: {"devices": [{"type": "keypad", "rows": [19, 18, 5, 17], "cols": [16, 4, 0, 2], "presses": [[300, "1"], [700, "9"], [1100, "8"], [1500, "4"], [2000, "#"]]}]}
# stdout: ****
# stdout: Aperto!
# events-min: keypad:0 press 5
from machine import Pin
import time

KEYS = "123A456B789C*0#D"
rows = [Pin(n, Pin.IN, Pin.PULL_UP) for n in (19, 18, 5, 17)]
cols = [Pin(n, Pin.OUT, value=1) for n in (16, 4, 0, 2)]


def read_key():
    for c, col in enumerate(cols):
        col.off()
        for r, row in enumerate(rows):
            if not row.value():
                col.on()
                return KEYS[r * 4 + c]
        col.on()
    return None


code = ""
previous = None
while True:
    key = read_key()
    if key and key != previous:
        if key == "#":
            print("*" * len(code))
            print("Aperto!" if code == "1984" else "Codice errato")
            break
        code += key
    previous = key
    time.sleep_ms(30)
