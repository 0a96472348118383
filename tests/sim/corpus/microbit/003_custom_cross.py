# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "90009:09090:00900:09090:90009"]]}
from microbit import *

cross = Image("90009:"
              "09090:"
              "00900:"
              "09090:"
              "90009")
display.show(cross)
