# Wrong: the faces are the wrong way round: sad when the room is comfortable, happy otherwise.
from microbit import *

while True:
    if button_a.was_pressed():
        display.scroll(temperature())
    if button_b.was_pressed():
        t = temperature()
        if t >= 18 and t <= 24:
            display.show(Image.SAD)
        else:
            display.show(Image.HAPPY)
    sleep(20)
