# Style: one chained comparison (18 <= t <= 24), the number shown as text with "C" after it.
from microbit import *

while True:
    if button_a.was_pressed():
        display.scroll(str(temperature()) + "C")
    if button_b.was_pressed():
        t = temperature()
        if 18 <= t <= 24:
            display.show(Image.HAPPY)
        else:
            display.show(Image.SAD)
    sleep(20)
