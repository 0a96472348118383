# Wrong: counts to 9 on an 8-pixel strip (np[8] raises IndexError) and never clears the old pixels.
from machine import Pin
from neopixel import NeoPixel
import time
np = NeoPixel(Pin(0), 8)
for i in range(9):
    np[i] = (0, 0, 40)
    np.write()
    time.sleep_ms(100)
