# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "09090:99999:99999:09990:00900"], ["display", "image", "00000:09090:00000:09990:90009"], ["display", "image", "00000:00000:00000:00000:00000"]], "times": [["display", "image", "00000:00000:00000:00000:00000", 400]]}
from microbit import *

display.show([Image.HEART, Image.SAD], delay=200, clear=True)
