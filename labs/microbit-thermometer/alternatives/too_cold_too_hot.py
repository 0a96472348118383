# Style: two separate tests, one for too cold and one for too hot, with elif; is_pressed()
# with a pause so one press gives one answer.
from microbit import *

while True:
    if button_a.is_pressed():
        display.scroll(temperature())
    elif button_b.is_pressed():
        gradi = temperature()
        if gradi < 18:
            display.show(Image.SAD)
        elif gradi > 24:
            display.show(Image.SAD)
        else:
            display.show(Image.HAPPY)
        sleep(300)
    sleep(20)
