# scenario: {"seconds": 3}
# expect: {"error": "TypeError"}
from microbit import *

Image.HEART.set_pixel(0, 0, 9)
