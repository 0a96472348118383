from machine import Pin, PWM
import time

servo = PWM(Pin(15))
servo.freq(50)

def angle(deg):
    pass  # calcola il duty / compute the duty
