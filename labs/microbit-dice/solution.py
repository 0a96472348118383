from microbit import *
import random

display.show(Image.SQUARE_SMALL)
while True:
    if accelerometer.was_gesture("shake"):
        numero = random.randint(1, 6)
        display.show(numero)
    sleep(20)
