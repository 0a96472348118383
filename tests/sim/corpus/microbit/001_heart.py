# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "09090:99999:99999:09990:00900"]], "outcome": "done"}
from microbit import *

display.show(Image.HEART)
