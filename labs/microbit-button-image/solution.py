from microbit import *

while True:
    if button_a.was_pressed():
        display.show(Image.HEART)
    if button_b.was_pressed():
        display.show(Image.HAPPY)
    sleep(20)
