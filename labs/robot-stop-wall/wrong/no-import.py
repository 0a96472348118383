# WRONG: time_pulse_us is used but never imported - NameError at the first measurement.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
trigger = Pin(16, Pin.OUT, value=0)
echo = Pin(17, Pin.IN)

SPEED = 40000
STOP_AT_CM = 15


def distance_cm():
    trigger.value(1)
    time.sleep_us(10)
    trigger.value(0)
    us = time_pulse_us(echo, 1, 30000)
    if us < 0:
        return 999          # no echo: nothing in front
    return us / 58


def drive(duty):
    left_fwd.duty_u16(duty)
    right_fwd.duty_u16(duty)


drive(SPEED)
while distance_cm() > STOP_AT_CM:
    time.sleep_ms(60)      # the HC-SR04 needs about 60 ms between pings
drive(0)
print("stopped")
