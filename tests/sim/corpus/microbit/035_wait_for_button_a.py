# scenario: {"seconds": 3, "devices": [{"type": "button", "pin": "button_a", "presses": [[800, 200]]}]}
# expect: {"times": [["display", "image", "00000:00009:00090:90900:09000", 805]], "outcome": "done"}
from microbit import *

while not button_a.is_pressed():
    sleep(10)
display.show(Image.YES)
