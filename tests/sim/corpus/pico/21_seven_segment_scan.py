# A 4-digit seven-segment display multiplexed by scanning digits; runs to the scenario's end.
# seconds: 5
# outcome: time
# events-min: pin:10 value 100
from machine import Pin
import time

SEGMENTS = [Pin(i, Pin.OUT) for i in range(0, 8)]
DIGITS = [Pin(i, Pin.OUT, value=1) for i in range(10, 14)]
FONT = [0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F]
number = 0
last = time.ticks_ms()
while True:
    n = number
    for d in range(4):
        code = FONT[n % 10]
        n //= 10
        for s in range(8):
            SEGMENTS[s].value((code >> s) & 1)
        DIGITS[d].value(0)
        time.sleep_ms(2)
        DIGITS[d].value(1)
    if time.ticks_diff(time.ticks_ms(), last) >= 1000:
        number += 1
        last = time.ticks_ms()
