# scenario: {"seconds": 3, "devices": [{"type": "button", "pin": "button_a", "presses": [[300, 100]]}], "microbit": {"radio": [[900, "smile"]]}}
# expect: {"events": [["radio", "send", "A"], ["display", "image", "00000:09090:00000:90009:09990"]]}
import radio
from microbit import *

radio.on()
while running_time() < 2000:
    if button_a.was_pressed():
        radio.send('A')
    msg = radio.receive()
    if msg == 'smile':
        display.show(Image.HAPPY)
    sleep(20)
