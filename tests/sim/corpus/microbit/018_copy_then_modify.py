# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "99090:99999:99999:09990:00900"]]}
from microbit import *

h = Image.HEART.copy()
h.set_pixel(0, 0, 9)
display.show(h)
