# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "09090:99999:99999:09990:00900"], ["display", "image", "90900:99990:99990:99900:09000"], ["display", "image", "09000:99900:99900:99000:90000"]]}
from microbit import *

for i in range(3):
    display.show(Image.HEART.shift_left(i))
    sleep(200)
