# Vai verso il muro e fermati prima di toccarlo (HC-SR04 su GP16/GP17).
# Drive towards the wall and stop before touching it (HC-SR04 on GP16/GP17).
from machine import Pin, PWM, time_pulse_us
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
        return 999          # nessuna eco: niente davanti / no echo: nothing in front
    return us / 58


def drive(duty):
    left_fwd.duty_u16(duty)
    right_fwd.duty_u16(duty)


drive(SPEED)
# DA FARE: misura la distanza e fermati prima del muro
# TODO: measure the distance and stop before the wall
time.sleep_ms(2000)
drive(0)
