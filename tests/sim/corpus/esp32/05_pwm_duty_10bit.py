# The esp32's duty() takes 0..1023.
# seconds: 1
# event: pwm:5 freq 5000
# stdout: 512
from machine import Pin, PWM

led = PWM(Pin(5), freq=5000)
led.duty(512)
print(led.duty())
