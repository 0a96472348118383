# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
from microbit import *

im = Image(5, 5)
im.set_pixel(0, 0, 12)
