# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "44444:00000:00000:00000:22222"]]}
from microbit import *

dim = Image('22222:00000:00000:00000:11111')
display.show(dim * 2)
