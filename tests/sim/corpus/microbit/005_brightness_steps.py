# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "01234:56789:98765:43210:00000"]], "stdout": ["9"]}
from microbit import *

ramp = Image('01234:56789:98765:43210:00000')
display.show(ramp)
print(ramp.get_pixel(4, 1))
