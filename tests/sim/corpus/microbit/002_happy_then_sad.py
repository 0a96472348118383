# scenario: {"seconds": 3}
# expect: {"times": [["display", "image", "00000:09090:00000:90009:09990", 0], ["display", "image", "00000:09090:00000:09990:90009", 500]]}
from microbit import *

display.show(Image.HAPPY)
sleep(500)
display.show(Image.SAD)
