# Wrong: shows the number before adding 1, so the display is always one press behind.
from microbit import *

conta = 0
display.show(conta)
while True:
    if button_a.was_pressed():
        display.show(conta)
        conta = conta + 1
    if button_b.was_pressed():
        conta = 0
        display.show(conta)
    sleep(20)
