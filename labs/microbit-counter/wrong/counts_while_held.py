# Wrong: uses is_pressed() without waiting for the button to be let go, so one press is counted
# many times while the finger stays on the button.
from microbit import *

conta = 0
display.show(conta)
while True:
    if button_a.is_pressed():
        conta = conta + 1
        display.show(conta)
    if button_b.was_pressed():
        conta = 0
        display.show(conta)
    sleep(20)
