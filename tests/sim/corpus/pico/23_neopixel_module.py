# Eight NeoPixels on GP28 with the neopixel module: a red, green, blue pattern.
# seconds: 1
# scenario: {"devices": [{"type": "neopixel", "pin": 28, "count": 8}]}
# event: neopixel:28 write [[255, 0, 0], [0, 255, 0], [0, 0, 255], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]
from machine import Pin
import neopixel

np = neopixel.NeoPixel(Pin(28), 8)
np[0] = (255, 0, 0)
np[1] = (0, 255, 0)
np[2] = (0, 0, 255)
np.write()
