# Wrong: writes the gesture in Italian, was_gesture("scossa"); the micro:bit only knows "shake",
# so the program stops with an error.
from microbit import *
import random

while True:
    if accelerometer.was_gesture("scossa"):
        display.show(random.randint(1, 6))
    sleep(20)
