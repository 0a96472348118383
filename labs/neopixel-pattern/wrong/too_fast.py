# Wrong: moves the dot every 30 ms instead of every 100 ms.
from machine import Pin
from neopixel import NeoPixel
import time

np = NeoPixel(Pin(0), 8)
while True:
    for i in range(8):
        np.fill((0, 0, 0))
        np[i] = (0, 20, 40)
        np.write()
        time.sleep_ms(30)
