# scenario: {"seconds": 3, "board_temperature": 24}
# expect: {"events": [["display", "scroll", "24"]]}
from microbit import *

display.scroll(temperature())
