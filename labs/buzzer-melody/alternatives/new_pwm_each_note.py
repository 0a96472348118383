# Correct, another style: creates the PWM with the note's frequency and duty in one line, then
# switches it off with deinit() for the silence.
from machine import Pin, PWM
import time

for f in (262, 294, 330, 349, 392):
    buzzer = PWM(Pin(16), freq=f, duty_u16=32768)
    time.sleep(0.3)
    buzzer.deinit()
    time.sleep(0.1)
