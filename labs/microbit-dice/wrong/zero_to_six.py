# Wrong: random.randint(0, 6) can also give 0, a face that a dice does not have.
from microbit import *
import random

while True:
    if accelerometer.was_gesture("shake"):
        display.show(random.randint(0, 6))
    sleep(20)
