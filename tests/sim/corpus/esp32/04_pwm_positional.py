# PWM(pin, freq, duty_u16) positionally, as the esp32 firmware accepts.
# seconds: 0.5
# event: pwm:2 freq 1000
# event: pwm:2 duty 16384
from machine import Pin, PWM

pwm = PWM(Pin(2), 1000, 16384)
