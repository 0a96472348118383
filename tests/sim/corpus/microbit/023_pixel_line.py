# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "00000:00000:90000:00000:00000"], ["display", "image", "00000:00000:99000:00000:00000"], ["display", "image", "00000:00000:99999:00000:00000"]], "times": [["display", "image", "00000:00000:99999:00000:00000", 400]]}
from microbit import *

for x in range(5):
    display.set_pixel(x, 2, 9)
    sleep(100)
