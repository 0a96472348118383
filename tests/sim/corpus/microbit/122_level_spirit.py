# scenario: {"seconds": 2, "microbit": {"accelerometer": {"x": 1024, "y": 1024}}}
# expect: {"events": [["display", "image", "00000:00000:00000:00000:00009"]]}
from microbit import *

while running_time() < 1000:
    x = scale(accelerometer.get_x(), from_=(-1024, 1024), to=(0, 4))
    y = scale(accelerometer.get_y(), from_=(-1024, 1024), to=(0, 4))
    display.clear()
    display.set_pixel(x, y, 9)
    sleep(100)
