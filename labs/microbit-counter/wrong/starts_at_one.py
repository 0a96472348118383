# Wrong: the counter starts from 1, so after the first press it shows 2.
from microbit import *

conta = 1
display.show(conta)
while True:
    if button_a.was_pressed():
        conta = conta + 1
        display.show(conta)
    if button_b.was_pressed():
        conta = 1
        display.show(conta)
    sleep(20)
