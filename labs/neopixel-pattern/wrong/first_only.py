# Wrong: only the first pixel changes brightness; no dot runs along the strip.
from machine import Pin
from neopixel import NeoPixel
import time
np = NeoPixel(Pin(0), 8)
while True:
    for level in range(0, 250, 25):
        np[0] = (level, 0, 0)
        np.write()
        time.sleep_ms(100)
