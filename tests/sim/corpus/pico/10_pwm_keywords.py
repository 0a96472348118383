# PWM with freq and duty_u16 keywords in the constructor.
# seconds: 0.5
# event: pwm:16 freq 500
# event: pwm:16 duty 16384
# stdout: 16384
from machine import Pin, PWM

pwm = PWM(Pin(16), freq=500, duty_u16=16384)
print(pwm.duty_u16())
