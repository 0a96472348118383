# scenario: {"seconds": 5}
# expect: {"outcome": "time", "events": [["display", "scroll", "go"], ["display", "scroll", "go"], ["display", "scroll", "go"]]}
from microbit import *

while True:
    display.scroll('go', delay=60)
    sleep(100)
