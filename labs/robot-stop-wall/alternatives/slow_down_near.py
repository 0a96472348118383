# Alternative (proportional approach): the closer the wall, the slower the robot; it stops
# under 15 cm. Gentle arrival, a little slower than full speed all the way.
from machine import Pin, PWM, time_pulse_us
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
trigger = Pin(16, Pin.OUT, value=0)
echo = Pin(17, Pin.IN)


def distance_cm():
    trigger.value(1)
    time.sleep_us(10)
    trigger.value(0)
    us = time_pulse_us(echo, 1, 30000)
    return 400 if us < 0 else us / 58


while True:
    d = distance_cm()
    if d < 15:
        break
    duty = int(min(40000, 18000 + 400 * (d - 15)))
    left_fwd.duty_u16(duty)
    right_fwd.duty_u16(duty)
    time.sleep_ms(60)
left_fwd.duty_u16(0)
right_fwd.duty_u16(0)
