# Correct, another style: builds the eight frames in advance as lists of colours and shows them one
# after the other with ticks_ms scheduling.
from machine import Pin
from neopixel import NeoPixel
import time

np = NeoPixel(Pin(0), 8)
OFF, ON = (0, 0, 0), (0, 30, 30)
FRAMES = [[ON if i == k else OFF for i in range(8)] for k in range(8)]

k = 0
due = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), due) >= 0:
        for i, colour in enumerate(FRAMES[k]):
            np[i] = colour
        np.write()
        k = (k + 1) % len(FRAMES)
        due = time.ticks_add(due, 100)
    time.sleep_ms(5)
