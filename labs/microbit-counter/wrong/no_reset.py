# Wrong: B shows 0 but forgets to put conta back to 0, so the next press of A goes on from the
# old number.
from microbit import *

conta = 0
display.show(conta)
while True:
    if button_a.was_pressed():
        conta = conta + 1
        display.show(conta)
    if button_b.was_pressed():
        display.show(0)
    sleep(20)
