# Alternative (a class, proportional + derivative): the robot object keeps its last error and
# steers with P and D terms; the loop runs every 10 ms on ticks_ms.
from machine import Pin, PWM, ADC
import time


class LineRobot:
    def __init__(self, base, kp, kd):
        self.left = PWM(Pin(8), freq=1000)
        self.right = PWM(Pin(10), freq=1000)
        self.eyes = (ADC(26), ADC(27), ADC(28))
        self.base, self.kp, self.kd = base, kp, kd
        self.prev = 0.0

    def error(self):
        l, c, r = (e.read_u16() for e in self.eyes)
        total = l + c + r
        if total < 25000:                  # all light: the line is lost, keep the last side
            return self.prev * 1.5
        return (r - l) / total

    def drive(self, steer):
        self.left.duty_u16(max(0, min(65535, int(self.base + steer))))
        self.right.duty_u16(max(0, min(65535, int(self.base - steer))))

    def step(self):
        e = self.error()
        steer = self.kp * e + self.kd * (e - self.prev)
        self.prev = e
        self.drive(steer)


bot = LineRobot(base=36000, kp=24000, kd=30000)
due = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), due) >= 0:
        bot.step()
        due = time.ticks_add(due, 10)
    time.sleep_ms(1)
