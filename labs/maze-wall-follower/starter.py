# Esci dal labirinto seguendo il muro a destra (regola della mano destra) con due HC-SR04.
# Maze solver: follow the wall on the right (right-hand rule) with two HC-SR04 sensors.
from machine import Pin, PWM, time_pulse_us
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
front_trig, front_echo = Pin(16, Pin.OUT, value=0), Pin(17, Pin.IN)
side_trig, side_echo = Pin(4, Pin.OUT, value=0), Pin(5, Pin.IN)

SPEED = 36000
WANT_CM = 14        # distanza da tenere dal muro a destra / distance to keep from the right-hand wall
GAIN = 1800         # sterzata per ogni cm di errore / steering per cm of error
DAMP = 6000         # sterzata per ogni cm cambiato dall'ultima lettura / steering per cm of change since the last reading
FRONT_CM = 20       # muro davanti: gira a sinistra / wall ahead: turn left
OPEN_CM = 40        # niente muro a destra: gira a destra attorno all'angolo / no wall on the right: turn right around the corner


def motors(left, right):
    left_fwd.duty_u16(max(min(left, 65535), 0))
    left_back.duty_u16(max(min(-left, 65535), 0))
    right_fwd.duty_u16(max(min(right, 65535), 0))
    right_back.duty_u16(max(min(-right, 65535), 0))


def distance_cm(trig, echo):
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)
    if us < 0:
        return 999
    return us / 58


while True:
    front = distance_cm(front_trig, front_echo)
    time.sleep_ms(10)
    side = distance_cm(side_trig, side_echo)
    # DA FARE: muro davanti -> sinistra; niente muro a destra -> curva a destra; altrimenti segui il muro
    # TODO: wall ahead -> turn left; no wall on the right -> curve right; else follow the wall
    motors(SPEED, SPEED)
    time.sleep_ms(40)
