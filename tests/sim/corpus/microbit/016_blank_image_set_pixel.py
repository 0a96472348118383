# scenario: {"seconds": 3}
# expect: {"stdout": ["9 0"], "events": [["display", "image", "00000:00000:00900:00000:00000"]]}
from microbit import *

im = Image(5, 5)
im.set_pixel(2, 2, 9)
print(im.get_pixel(2, 2), im.get_pixel(0, 0))
display.show(im)
