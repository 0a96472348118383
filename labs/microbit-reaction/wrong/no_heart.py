# Wrong: shows HAPPY instead of the heart and never measures anything.
from microbit import *
display.show(Image.HAPPY)
while not button_a.is_pressed():
    sleep(1)
display.scroll("0")
