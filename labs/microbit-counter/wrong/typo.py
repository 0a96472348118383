# Wrong: writes Conta with a capital C in display.show, a name that does not exist (NameError).
from microbit import *

conta = 0
display.show(conta)
while True:
    if button_a.was_pressed():
        conta = conta + 1
        display.show(Conta)
    if button_b.was_pressed():
        conta = 0
        display.show(conta)
    sleep(20)
