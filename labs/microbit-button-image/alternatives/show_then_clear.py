# Style: each picture stays for one second, then the display goes dark until the next press.
from microbit import *

while True:
    if button_a.was_pressed():
        display.show(Image.HEART)
        sleep(1000)
        display.clear()
    if button_b.was_pressed():
        display.show(Image.HAPPY)
        sleep(1000)
        display.clear()
    sleep(10)
