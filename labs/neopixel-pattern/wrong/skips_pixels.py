# Wrong: moves two LEDs at a time (0, 2, 4, 6), so the dot jumps instead of running.
from machine import Pin
from neopixel import NeoPixel
import time

np = NeoPixel(Pin(0), 8)
while True:
    for i in range(0, 8, 2):
        np.fill((0, 0, 0))
        np[i] = (40, 0, 0)
        np.write()
        time.sleep_ms(100)
