# Correct, another style: the dot bounces back and forth (0 to 7, then 7 to 0) with a direction
# variable, and only the old pixel is switched off instead of the whole strip.
from machine import Pin
from neopixel import NeoPixel
import time

np = NeoPixel(Pin(0), 8)
position, direction = 0, 1
while True:
    np[position] = (40, 10, 0)
    np.write()
    time.sleep_ms(100)
    np[position] = (0, 0, 0)
    if not 0 <= position + direction < 8:
        direction = -direction
    position += direction
