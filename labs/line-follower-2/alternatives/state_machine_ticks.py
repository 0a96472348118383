# Alternative (class + state machine, ticks_ms scheduling): remembers which side the line went
# and keeps turning that way until a sensor finds it again; decides every 10 ms by the clock.
from machine import Pin, PWM
import time


class Follower:
    STRAIGHT, LEFT, RIGHT = 0, 1, 2

    def __init__(self):
        self.lf = PWM(Pin(8), freq=1000)
        self.rf = PWM(Pin(10), freq=1000)
        self.eye_l = Pin(26, Pin.IN)
        self.eye_r = Pin(28, Pin.IN)
        self.state = Follower.STRAIGHT
        self.speed = 38000

    def wheels(self, left, right):
        self.lf.duty_u16(left)
        self.rf.duty_u16(right)

    def step(self):
        l, r = self.eye_l.value(), self.eye_r.value()
        if l and not r:
            self.state = Follower.LEFT
        elif r and not l:
            self.state = Follower.RIGHT
        elif l and r:
            self.state = Follower.STRAIGHT
        if self.state == Follower.LEFT:
            self.wheels(0, self.speed)
        elif self.state == Follower.RIGHT:
            self.wheels(self.speed, 0)
        else:
            self.wheels(self.speed, self.speed)
        if not l and not r and self.state != Follower.STRAIGHT:
            pass  # keep turning the way the line went until it is seen again


robot = Follower()
next_at = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), next_at) >= 0:
        robot.step()
        next_at = time.ticks_add(next_at, 10)
    time.sleep_ms(2)
