# PWM(pin, freq): the frequency given positionally, as rp2 accepts.
# seconds: 0.5
# stdout: 1000
# event: pwm:15 freq 1000
# event: pwm:15 duty 32768
from machine import Pin, PWM

pwm = PWM(Pin(15), 1000)
print(pwm.freq())
pwm.duty_u16(32768)
