# scenario: {"seconds": 2, "devices": [{"type": "button", "pin": "button_a", "presses": [[100, 50]]}, {"type": "button", "pin": "button_b", "presses": [[600, 50]]}]}
# expect: {"events": [["music", "tone", 262], ["music", "tone", 0], ["music", "tone", 392], ["music", "tone", 0]]}
import music
from microbit import *

while running_time() < 1500:
    if button_a.is_pressed():
        music.pitch(262, 100)
    if button_b.is_pressed():
        music.pitch(392, 100)
    sleep(10)
