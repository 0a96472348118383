# Alternative (explicit state machine, slower): states FORWARD / TURNING held in a variable,
# one distance reading per 60 ms cycle, turning right instead of left, wheels at a gentle speed.
from machine import Pin, PWM, time_pulse_us
import time

lf, lb = PWM(Pin(8), freq=1000), PWM(Pin(9), freq=1000)
rf, rb = PWM(Pin(10), freq=1000), PWM(Pin(11), freq=1000)
trig = Pin(16, Pin.OUT, value=0)
echo = Pin(17, Pin.IN)

FORWARD, TURNING = "forward", "turning"
SPEED = 30000


def wheels(left, right):
    lf.duty_u16(max(left, 0))
    lb.duty_u16(max(-left, 0))
    rf.duty_u16(max(right, 0))
    rb.duty_u16(max(-right, 0))


def ping():
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    t = time_pulse_us(echo, 1, 30000)
    return 999 if t < 0 else t / 58


state = FORWARD
extra = 0
while True:
    d = ping()
    if state == FORWARD:
        if d < 35:
            state = TURNING
            wheels(SPEED, -SPEED)      # spin right
        else:
            wheels(SPEED, SPEED)
    else:
        if d > 60:
            extra += 1
            if extra >= 4:             # a few more cycles so the body clears the edge
                state, extra = FORWARD, 0
        else:
            extra = 0
    time.sleep_ms(60)
