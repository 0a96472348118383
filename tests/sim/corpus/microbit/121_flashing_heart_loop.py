# scenario: {"seconds": 2}
# expect: {"outcome": "time", "times": [["display", "image", "09090:99999:99999:09990:00900", 0], ["display", "image", "00000:09090:09990:00900:00000", 500]], "events": [["display", "image", "09090:99999:99999:09990:00900"], ["display", "image", "00000:09090:09990:00900:00000"], ["display", "image", "09090:99999:99999:09990:00900"], ["display", "image", "00000:09090:09990:00900:00000"]]}
from microbit import *

while True:
    display.show(Image.HEART)
    sleep(500)
    display.show(Image.HEART_SMALL)
    sleep(500)
