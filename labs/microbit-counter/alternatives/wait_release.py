# Style: is_pressed(), then wait until the button is let go, so one press counts once; the
# number is shown with display.show(str(...)).
from microbit import *

conta = 0
while True:
    if button_a.is_pressed():
        conta += 1
        display.show(str(conta))
        while button_a.is_pressed():
            sleep(10)
    if button_b.is_pressed():
        conta = 0
        display.show(str(conta))
        while button_b.is_pressed():
            sleep(10)
    sleep(10)
