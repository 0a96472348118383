# Wrong: uses > and < instead of >= and <=, so exactly 18 and exactly 24 degrees get the sad face.
from microbit import *

while True:
    if button_a.was_pressed():
        display.scroll(temperature())
    if button_b.was_pressed():
        t = temperature()
        if t > 18 and t < 24:
            display.show(Image.HAPPY)
        else:
            display.show(Image.SAD)
    sleep(20)
