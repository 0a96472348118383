from microbit import *

while True:
    if button_a.was_pressed():
        display.scroll(temperature())
    if button_b.was_pressed():
        t = temperature()
        # tra 18 e 24 gradi: Image.HAPPY, altrimenti Image.SAD
        # from 18 to 24 degrees: Image.HAPPY, otherwise Image.SAD
        display.show(Image.HAPPY)
    sleep(20)
