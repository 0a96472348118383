# scenario: {"seconds": 2, "microbit": {"light": [[0, 200], [1000, 10]]}}
# expect: {"events": [["display", "image", "00000:99099:00000:09990:00000"]]}
from microbit import *

while running_time() < 1500:
    if display.read_light_level() < 50:
        display.show(Image.ASLEEP)
    else:
        display.clear()
    sleep(100)
