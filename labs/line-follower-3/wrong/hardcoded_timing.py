# WRONG (hard-coded timing): replays wheel speeds worked out on the public "Waves" track - a
# proportional-looking curve per time slot - without looking at the sensors.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)

# (milliseconds, left duty, right duty), tuned by trial on the waves
PLAN = [(700, 40000, 40000), (1400, 36000, 44000), (1400, 44000, 36000), (1400, 36000, 44000),
        (1400, 44000, 36000), (1400, 38000, 42000), (1200, 42000, 38000), (1200, 39000, 41000)]
for ms, left, right in PLAN:
    left_fwd.duty_u16(left)
    right_fwd.duty_u16(right)
    time.sleep_ms(ms)
left_fwd.duty_u16(0)
right_fwd.duty_u16(0)
