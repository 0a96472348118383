# WRONG: the left sensor is ADC(Pin(25)) - GP25 has no ADC, so the program stops with a ValueError.
from machine import Pin, PWM, ADC
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
left_eye = ADC(Pin(25))     # high value = dark line
centre_eye = ADC(27)
right_eye = ADC(28)

BASE = 40000    # duty when the line is straight ahead
GAIN = 26000    # how hard to steer for a full error
last_error = 0


def clamp(duty):
    return max(0, min(65535, int(duty)))


while True:
    left = left_eye.read_u16()
    centre = centre_eye.read_u16()
    right = right_eye.read_u16()
    total = left + centre + right
    if total > 25000:
        # where the line is: -1 far left ... 0 centre ... +1 far right
        error = (right - left) / total
        last_error = error
    else:
        error = last_error * 1.5   # line lost: keep turning the way it went
    left_fwd.duty_u16(clamp(BASE + GAIN * error))
    right_fwd.duty_u16(clamp(BASE - GAIN * error))
    time.sleep_ms(10)
