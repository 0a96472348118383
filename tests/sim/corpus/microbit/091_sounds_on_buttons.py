# scenario: {"seconds": 3, "devices": [{"type": "button", "pin": "button_a", "presses": [[200, 50]]}, {"type": "button", "pin": "button_b", "presses": [[1200, 50]]}]}
# expect: {"events": [["audio", "sound", "hello"], ["audio", "sound", "sad"]]}
from microbit import *

while running_time() < 2500:
    if button_a.was_pressed():
        audio.play(Sound.HELLO)
    if button_b.was_pressed():
        audio.play(Sound.SAD)
    sleep(20)
