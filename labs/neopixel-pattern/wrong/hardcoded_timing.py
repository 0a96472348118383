# Wrong: hard-codes the length of the public test: 40 steps of 100 ms fill exactly the 4 s you see,
# then the dot stops (it must run forever; the hidden test lasts longer).
from machine import Pin
from neopixel import NeoPixel
import time

np = NeoPixel(Pin(0), 8)
for step in range(40):
    np.fill((0, 0, 0))
    np[step % 8] = (40, 0, 40)
    np.write()
    time.sleep_ms(100)
