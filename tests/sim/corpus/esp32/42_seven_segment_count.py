# Kit lesson "display a 7 segmenti": one common-cathode digit on eight pins counts 0..9, a
# segment pattern per digit from a table.
# seconds: 2.2
# scenario: {"devices": [{"type": "seven_segment", "segments": [13, 12, 14, 27, 26, 25, 33, 32]}]}
# events-min: seg7:0 frame 10
from machine import Pin
import time

PATTERNS = [0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F]
segments = [Pin(n, Pin.OUT) for n in (13, 12, 14, 27, 26, 25, 33, 32)]


def show(digit):
    bits = PATTERNS[digit]
    for i, seg in enumerate(segments):
        seg.value((bits >> i) & 1)


for n in range(10):
    show(n)
    time.sleep_ms(200)
