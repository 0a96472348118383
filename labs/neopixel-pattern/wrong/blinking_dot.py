# Wrong: switches the whole strip off for 50 ms between two positions, so the dot blinks instead of
# always being lit.
from machine import Pin
from neopixel import NeoPixel
import time

np = NeoPixel(Pin(0), 8)
while True:
    for i in range(8):
        np[i] = (0, 40, 0)
        np.write()
        time.sleep_ms(50)
        np.fill((0, 0, 0))
        np.write()
        time.sleep_ms(50)
