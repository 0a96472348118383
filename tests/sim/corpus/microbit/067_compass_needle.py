# scenario: {"seconds": 2, "microbit": {"compass": [[0, 180], [1000, 10]]}}
# expect: {"events": [["display", "image", "00900:09990:90909:00900:00900"]]}
from microbit import *

sleep(1000)
h = compass.heading()
if h < 45 or h > 315:
    display.show(Image.ARROW_N)
else:
    display.show(Image.ARROW_W)
