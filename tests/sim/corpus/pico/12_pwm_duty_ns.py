# duty_ns sets the pulse length in nanoseconds.
# seconds: 0.5
# event: pwm:0 freq 1907,50
# stdout: 1500000
from machine import Pin, PWM

pwm = PWM(Pin(0))
pwm.freq(50)
pwm.duty_ns(1500000)
print(round(pwm.duty_ns() / 1000) * 1000)
