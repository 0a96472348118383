# scenario: {"seconds": 3}
# expect: {"outcome": "time", "events": [["display", "image", "00000:00000:90000:00000:00000"], ["display", "image", "00000:00000:00009:00000:00000"], ["display", "image", "00000:00000:90000:00000:00000"]]}
from microbit import *

x = 0
while True:
    display.clear()
    display.set_pixel(x, 2, 9)
    x = (x + 1) % 5
