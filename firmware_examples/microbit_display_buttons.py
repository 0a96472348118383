# micro:bit: a heart on button A, a smile on button B, count presses.
from microbit import *

count = 0
while True:
    if button_a.was_pressed():
        display.show(Image.HEART)
        count += 1
    elif button_b.is_pressed():
        display.show(Image.HAPPY)
    sleep(50)
