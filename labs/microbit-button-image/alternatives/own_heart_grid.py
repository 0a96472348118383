# Style: the heart drawn digit by digit as the pupils' own 5x5 grid (the same picture as
# Image.HEART), and the pictures kept in two names.
from microbit import *

cuore = Image("09090:99999:99999:09990:00900")
faccina = Image.HAPPY
while True:
    if button_a.was_pressed():
        display.show(cuore)
    if button_b.was_pressed():
        display.show(faccina)
    sleep(50)
