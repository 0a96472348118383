from machine import Pin
from neopixel import NeoPixel
import time

np = NeoPixel(Pin(0), 8)
np[0] = (0, 0, 40)
np.write()
