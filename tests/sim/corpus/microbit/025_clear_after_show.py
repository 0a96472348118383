# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "09090:99999:99999:09990:00900"], ["display", "image", "00000:00000:00000:00000:00000"]], "times": [["display", "image", "00000:00000:00000:00000:00000", 300]]}
from microbit import *

display.show(Image.HEART)
sleep(300)
display.clear()
