# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "00000:09990:09990:09990:00000"]]}
from microbit import *

display.show(Image.HEART_SMALL + Image.SQUARE_SMALL)
