# scenario: {"seconds": 2, "devices": [{"type": "button", "pin": "button_a", "presses": [[200, 200]]}, {"type": "button", "pin": "button_b", "presses": [[800, 200]]}]}
# expect: {"events": [["display", "image", "00000:09090:00000:90009:09990"], ["display", "image", "00000:09090:00000:09990:90009"]]}
from microbit import *

while running_time() < 1500:
    if button_a.is_pressed():
        display.show(Image.HAPPY)
    elif button_b.is_pressed():
        display.show(Image.SAD)
    sleep(20)
