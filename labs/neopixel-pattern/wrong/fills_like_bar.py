# Wrong: never clears the previous pixel, so the strip fills up like a bar instead of showing one
# running dot.
from machine import Pin
from neopixel import NeoPixel
import time

np = NeoPixel(Pin(0), 8)
while True:
    for i in range(8):
        np[i] = (0, 0, 40)
        np.write()
        time.sleep_ms(100)
    np.fill((0, 0, 0))
    np.write()
