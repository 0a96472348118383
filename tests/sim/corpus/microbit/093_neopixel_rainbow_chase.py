# scenario: {"seconds": 3}
# expect: {"events": [["neopixel:pin1", "write", [[0, 0, 64], [0, 0, 0], [0, 0, 0]]], ["neopixel:pin1", "write", [[0, 0, 0], [0, 0, 64], [0, 0, 0]]], ["neopixel:pin1", "write", [[0, 0, 0], [0, 0, 0], [0, 0, 64]]]]}
from microbit import *
import neopixel

np = neopixel.NeoPixel(pin1, 3)
for i in range(3):
    np.clear()
    np[i] = (0, 0, 64)
    np.show()
    sleep(100)
