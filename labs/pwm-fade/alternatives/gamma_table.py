# Correct, another style: table-driven with gamma correction. The eye sees brightness unevenly, so
# the duty grows like a square (small steps when dim, bigger when bright); the table is computed
# once and then played up and down.
from machine import Pin, PWM
import time

pwm = PWM(Pin(15), freq=1000)
STEPS = 32
TABLE = [round(65535 * (i / STEPS) ** 2) for i in range(STEPS + 1)]

while True:
    for duty in TABLE:
        pwm.duty_u16(duty)
        time.sleep_ms(25)
    for duty in reversed(TABLE):
        pwm.duty_u16(duty)
        time.sleep_ms(25)
