# scenario: {"seconds": 2}
# expect: {"outcome": "time", "events": [["display", "scroll", "A"], ["display", "scroll", "A"]]}
from microbit import *

display.scroll('A', delay=50, loop=True)
