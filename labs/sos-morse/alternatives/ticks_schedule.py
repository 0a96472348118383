# Correct, another style: builds the whole SOS as a list of (LED level, milliseconds) steps once,
# then plays it with time.ticks_ms() scheduling, checking the clock every 5 ms.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
steps = []
for n, ms in enumerate([200, 200, 200, 600, 600, 600, 200, 200, 200]):
    steps.append((1, ms))
    if n == 8:
        steps.append((0, 1400))      # end of the word
    elif n in (2, 5):
        steps.append((0, 600))       # end of a letter
    else:
        steps.append((0, 200))       # between signals

i = 0
due = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), due) >= 0:
        level, ms = steps[i]
        led.value(level)
        due = time.ticks_add(due, ms)
        i = (i + 1) % len(steps)
    time.sleep_ms(5)
