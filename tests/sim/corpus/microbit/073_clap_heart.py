# scenario: {"seconds": 2, "microbit": {"sound": [[0, 10], [500, 10], [600, 250], [900, 250], [1000, 10]]}}
# expect: {"events": [["display", "image", "09090:99999:99999:09990:00900"]]}
from microbit import *

while not microphone.was_event(SoundEvent.LOUD):
    sleep(20)
display.show(Image.HEART)
