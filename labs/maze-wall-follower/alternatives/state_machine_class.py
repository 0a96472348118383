# Alternative (a class with named states): FOLLOW, CORNER (no wall on the right) and SPIN (wall
# ahead), the spin timed with ticks_ms; proportional-derivative steering while following.
from machine import Pin, PWM, time_pulse_us
import time


class Sonar:
    def __init__(self, trig, echo):
        self.trig = Pin(trig, Pin.OUT, value=0)
        self.echo = Pin(echo, Pin.IN)

    def cm(self):
        self.trig.value(1)
        time.sleep_us(10)
        self.trig.value(0)
        us = time_pulse_us(self.echo, 1, 30000)
        return 999 if us < 0 else us / 58


class MazeBot:
    FOLLOW, CORNER, SPIN = "follow", "corner", "spin"

    def __init__(self):
        self.pwm = [PWM(Pin(p), freq=1000) for p in (8, 9, 10, 11)]
        self.front = Sonar(16, 17)
        self.side = Sonar(4, 5)
        self.state = MazeBot.FOLLOW
        self.spin_until = 0
        self.last = 14

    def motors(self, left, right):
        left, right = int(left), int(right)
        self.pwm[0].duty_u16(max(0, min(left, 65535)))
        self.pwm[1].duty_u16(max(0, min(-left, 65535)))
        self.pwm[2].duty_u16(max(0, min(right, 65535)))
        self.pwm[3].duty_u16(max(0, min(-right, 65535)))

    def step(self):
        now = time.ticks_ms()
        if self.state == MazeBot.SPIN and time.ticks_diff(now, self.spin_until) < 0:
            return                             # still spinning: nothing to decide
        ahead = self.front.cm()
        time.sleep_ms(10)
        right = self.side.cm()
        if ahead < 20:
            self.state = MazeBot.SPIN
            self.spin_until = time.ticks_add(now, 120)
            self.motors(-36000, 36000)
            self.last = 14
        elif right > 40:
            self.state = MazeBot.CORNER
            self.motors(36000, 9000)
            self.last = 14
        else:
            self.state = MazeBot.FOLLOW
            steer = 1800 * (right - 14) + 6000 * (right - self.last)
            steer = max(-18000, min(18000, steer))
            self.motors(36000 + steer, 36000 - steer)
            self.last = right


bot = MazeBot()
while True:
    bot.step()
    time.sleep_ms(40)
