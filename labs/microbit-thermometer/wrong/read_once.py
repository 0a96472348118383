# Wrong: reads the temperature once at the start and keeps showing that old value.
from microbit import *

t = temperature()
while True:
    if button_a.was_pressed():
        display.scroll(t)
    if button_b.was_pressed():
        if t >= 18 and t <= 24:
            display.show(Image.HAPPY)
        else:
            display.show(Image.SAD)
    sleep(20)
