# scenario: {"seconds": 3}
# expect: {"stdout": ["(10, 20, 30) 2"], "events": [["neopixel:pin2", "write", [[10, 20, 30], [10, 20, 30]]]]}
from microbit import *
from neopixel import NeoPixel

strip = NeoPixel(pin2, 2)
strip.fill((10, 20, 30))
strip.write()
print(strip[1], len(strip))
