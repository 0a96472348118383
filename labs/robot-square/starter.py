# Percorri un quadrato di 50 cm di lato, girando a sinistra a ogni angolo (robot Maker Pi RP2040).
# Drive a square of 50 cm sides, turning left at each corner (Maker Pi RP2040 robot).
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)

SPEED = 40000        # circa 20 cm/s / about 20 cm/s
SIDE_MS = 2550       # 50 cm a 20 cm/s, più il tempo che serve ai motori per partire / 50 cm at 20 cm/s, plus spin-up time
TURN_MS = 500        # un quarto di giro sul posto / a quarter turn on the spot


def motors(left, right):
    # positivo = avanti, negativo = indietro / positive = forward, negative = backward
    left_fwd.duty_u16(max(left, 0))
    left_back.duty_u16(max(-left, 0))
    right_fwd.duty_u16(max(right, 0))
    right_back.duty_u16(max(-right, 0))


# DA FARE: quattro volte: un lato, fermo, un quarto di giro a sinistra, fermo
# TODO: four times: drive one side, stop, turn left a quarter turn, stop
motors(SPEED, SPEED)
time.sleep_ms(SIDE_MS)
motors(0, 0)
