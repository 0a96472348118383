from microbit import *

while True:
    if button_a.was_pressed():
        display.show(Image.HEART)
    # B: mostra Image.HAPPY / B: show Image.HAPPY
    sleep(20)
