# Wrong: puts temperature() in quotation marks, so the display scrolls the word
# "temperature()" instead of the number.
from microbit import *

while True:
    if button_a.was_pressed():
        display.scroll("temperature()")
    if button_b.was_pressed():
        t = temperature()
        if t >= 18 and t <= 24:
            display.show(Image.HAPPY)
        else:
            display.show(Image.SAD)
    sleep(20)
