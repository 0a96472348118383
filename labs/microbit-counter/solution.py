from microbit import *

conta = 0
display.show(conta)
while True:
    if button_a.was_pressed():
        conta = conta + 1
        display.show(conta)
    if button_b.was_pressed():
        conta = 0
        display.show(conta)
    sleep(20)
