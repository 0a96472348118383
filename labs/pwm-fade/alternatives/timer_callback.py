# Correct, another style: a Timer calls step() every 30 ms; step() moves the brightness by one
# step and turns round at either end. The main program only sleeps.
from machine import Pin, PWM, Timer
import time

pwm = PWM(Pin(15), freq=1000)
state = {"level": 0, "step": 3000}


def step(timer):
    level = state["level"] + state["step"]
    if level > 65535 or level < 0:
        state["step"] = -state["step"]
        level = state["level"] + state["step"]
    state["level"] = level
    pwm.duty_u16(level)


pwm.duty_u16(0)
Timer(period=30, mode=Timer.PERIODIC, callback=step)
while True:
    time.sleep(1)
