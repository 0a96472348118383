# scenario: {"seconds": 3}
# expect: {"stdout": ["5"]}
from microbit import *

display.set_pixel(1, 1, 5)
print(display.get_pixel(1, 1))
