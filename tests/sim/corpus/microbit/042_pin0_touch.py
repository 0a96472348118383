# scenario: {"seconds": 2, "devices": [{"type": "button", "pin": "pin0", "presses": [[400, 300]]}]}
# expect: {"times": [["display", "image", "09090:99999:99999:09990:00900", 405]]}
from microbit import *

while not pin0.is_touched():
    sleep(10)
display.show(Image.HEART)
