# A NeoPixel ring on GPIO 13 filled with one colour.
# seconds: 0.5
# scenario: {"devices": [{"type": "neopixel", "pin": 13, "count": 3}]}
# event: neopixel:13 write [[0, 0, 64], [0, 0, 64], [0, 0, 64]]
import neopixel
from machine import Pin

np = neopixel.NeoPixel(Pin(13), 3)
np.fill((0, 0, 64))
np.write()
