# Wrong: writes the function in Italian, temperatura(), a name the micro:bit does not know
# (NameError).
from microbit import *

while True:
    if button_a.was_pressed():
        display.scroll(temperatura())
    if button_b.was_pressed():
        t = temperatura()
        if t >= 18 and t <= 24:
            display.show(Image.HAPPY)
        else:
            display.show(Image.SAD)
    sleep(20)
