# Correct, another style: a Servo class that turns an angle into a duty_u16, and a sweep that
# bounces between the two ends with a direction variable.
from machine import Pin, PWM
import time


class Servo:
    def __init__(self, pin, min_us=500, max_us=2500):
        self.pwm = PWM(Pin(pin))
        self.pwm.freq(50)
        self.min_us = min_us
        self.max_us = max_us

    def angle(self, degrees):
        us = self.min_us + (self.max_us - self.min_us) * degrees / 180
        self.pwm.duty_u16(int(us * 65535 / 20000))


servo = Servo(15)
position, direction = 0, 1
while True:
    servo.angle(position)
    time.sleep_ms(50)
    position += 9 * direction
    if position >= 180 or position <= 0:
        position = max(0, min(180, position))
        direction = -direction
