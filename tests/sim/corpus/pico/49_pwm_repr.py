# print(pwm) shows the slice and channel as the rp2 firmware does.
# seconds: 0.5
# stdout: <PWM slice=7 channel=1 invert=0>
from machine import Pin, PWM

print(PWM(Pin(15), freq=1000))
