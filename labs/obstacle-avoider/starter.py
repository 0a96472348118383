# Gira per la stanza senza urtare niente: avanti, e gira sul posto quando qualcosa è vicino.
# Wander without hitting anything: drive forward, turn on the spot when something is close.
from machine import Pin, PWM, time_pulse_us
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
trigger = Pin(16, Pin.OUT, value=0)
echo = Pin(17, Pin.IN)

SPEED = 40000
TOO_CLOSE_CM = 30
CLEAR_CM = 70


def motors(left, right):
    left_fwd.duty_u16(max(left, 0))
    left_back.duty_u16(max(-left, 0))
    right_fwd.duty_u16(max(right, 0))
    right_back.duty_u16(max(-right, 0))


def distance_cm():
    trigger.value(1)
    time.sleep_us(10)
    trigger.value(0)
    us = time_pulse_us(echo, 1, 30000)
    if us < 0:
        return 999
    return us / 58


while True:
    # DA FARE: se qualcosa è più vicino di TOO_CLOSE_CM, gira finché la strada è libera
    # TODO: if something is closer than TOO_CLOSE_CM, turn until the way is clear
    motors(SPEED, SPEED)
    time.sleep_ms(60)
