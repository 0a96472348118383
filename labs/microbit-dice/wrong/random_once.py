# Wrong: draws the random number once, before the loop, so every shake shows the same number.
from microbit import *
import random

numero = random.randint(1, 6)
while True:
    if accelerometer.was_gesture("shake"):
        display.show(numero)
    sleep(20)
