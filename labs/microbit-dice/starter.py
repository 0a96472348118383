from microbit import *
import random

display.show(Image.SQUARE_SMALL)
while True:
    if accelerometer.was_gesture("shake"):
        numero = 6   # cambia: un numero a caso da 1 a 6 / change: a random number from 1 to 6
        display.show(numero)
    sleep(20)
