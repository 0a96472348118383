# WRONG (not proportional): on/off steering with two speeds - follows the line but not in proportion.
from machine import Pin, PWM, ADC
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
left_eye = ADC(26)     # high value = dark line
centre_eye = ADC(27)
right_eye = ADC(28)

FAST = 42000

while True:
    left = left_eye.read_u16()
    right = right_eye.read_u16()
    if left > 29000:
        left_fwd.duty_u16(0)
        right_fwd.duty_u16(FAST)
    elif right > 29000:
        left_fwd.duty_u16(FAST)
        right_fwd.duty_u16(0)
    else:
        left_fwd.duty_u16(FAST)
        right_fwd.duty_u16(FAST)
    time.sleep_ms(10)
