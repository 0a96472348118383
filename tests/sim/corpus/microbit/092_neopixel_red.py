# scenario: {"seconds": 3}
# expect: {"events": [["neopixel:pin0", "write", [[255, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]]]}
from microbit import *
import neopixel

np = neopixel.NeoPixel(pin0, 8)
np[0] = (255, 0, 0)
np.show()
