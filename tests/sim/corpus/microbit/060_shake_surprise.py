# scenario: {"seconds": 2, "microbit": {"gestures": [[500, "shake"]]}}
# expect: {"times": [["display", "image", "09090:00000:00900:09090:00900", 510]]}
from microbit import *

while not accelerometer.was_gesture('shake'):
    sleep(20)
display.show(Image.SURPRISED)
