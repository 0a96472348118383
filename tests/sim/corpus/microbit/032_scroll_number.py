# scenario: {"seconds": 3}
# expect: {"events": [["display", "scroll", "42"]]}
from microbit import *

display.scroll(42)
