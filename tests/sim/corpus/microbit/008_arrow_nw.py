# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "99900:99000:90900:00090:00009"]]}
from microbit import *

display.show(Image.ARROW_NW)
