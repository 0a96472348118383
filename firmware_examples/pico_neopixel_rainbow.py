# Pico: a rainbow that slowly turns round an 8-LED NeoPixel strip on GP0.
# Teaches NeoPixel(pin, n), np[i] = (r, g, b) and write(): all LEDs lit, each a different colour.
from machine import Pin
from neopixel import NeoPixel
import time

COLOURS = [(30, 0, 0), (30, 15, 0), (30, 30, 0), (0, 30, 0),
           (0, 30, 30), (0, 0, 30), (15, 0, 30), (30, 0, 15)]
np = NeoPixel(Pin(0), 8)
for shift in range(16):
    for i in range(8):
        np[i] = COLOURS[(i + shift) % 8]
    np.write()
    time.sleep_ms(250)
np.fill((0, 0, 0))
np.write()
