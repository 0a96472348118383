from microbit import *

conta = 0
display.show(conta)
while True:
    if button_a.was_pressed():
        conta = conta + 1
        # mostra conta / show conta
    # B: conta torna a 0 / B: conta goes back to 0
    sleep(20)
