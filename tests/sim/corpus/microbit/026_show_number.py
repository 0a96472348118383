# scenario: {"seconds": 3}
# expect: {"events": [["display", "text", "7"], ["display", "image", "99999:00090:00900:09000:90000"]]}
from microbit import *

display.show(7)
