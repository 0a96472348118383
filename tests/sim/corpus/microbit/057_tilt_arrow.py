# scenario: {"seconds": 2, "microbit": {"accelerometer": {"x": [[0, 0], [1000, 800]]}}}
# expect: {"events": [["display", "image", "00000:00000:00900:00000:00000"], ["display", "image", "00900:00090:99999:00090:00900"]]}
from microbit import *

while running_time() < 1500:
    x = accelerometer.get_x()
    if x > 300:
        display.show(Image.ARROW_E)
    elif x < -300:
        display.show(Image.ARROW_W)
    else:
        display.show(Image('00000:00000:00900:00000:00000'))
    sleep(50)
