# Style: is_gesture("shake") with random.choice from a list of the six faces, then a pause of
# 600 ms so one shake gives one roll.
from microbit import *
import random

facce = [1, 2, 3, 4, 5, 6]
while True:
    if accelerometer.is_gesture("shake"):
        display.show(random.choice(facce))
        sleep(600)
    sleep(10)
