# Kit lesson "display a 4 cifre": a common-cathode 4-digit display multiplexed by the program,
# one digit lit at a time for 3 ms; the eye (and the board picture) sees the whole number.
# seconds: 1
# scenario: {"devices": [{"type": "seven_segment", "segments": [2, 3, 4, 5, 6, 7, 8, 9], "digits": [10, 11, 12, 13]}]}
# stdout: ok
from machine import Pin
import time

PATTERNS = [0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F]
segments = [Pin(n, Pin.OUT) for n in range(2, 10)]
digits = [Pin(n, Pin.OUT, value=1) for n in range(10, 14)]


def show_number(text, dot=1):
    for i, ch in enumerate(text):
        bits = PATTERNS[int(ch)] | (0x80 if i == dot else 0)
        for s, seg in enumerate(segments):
            seg.value((bits >> s) & 1)
        digits[i].value(0)
        time.sleep_ms(3)
        digits[i].value(1)


print("ok")
start = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), start) < 900:
    show_number("2026")
