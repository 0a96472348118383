# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
from microbit import *

display.set_pixel(5, 0, 9)
