# Correct, another style: sets the pulse width directly in nanoseconds with duty_ns(), moving 5° at
# a time, and writes the 0-180-0 sweep as one list of angles.
from machine import Pin, PWM
import time

servo = PWM(Pin(15), freq=50)
SWEEP = list(range(0, 181, 5)) + list(range(175, 0, -5))

while True:
    for deg in SWEEP:
        servo.duty_ns((500 + deg * 2000 // 180) * 1000)
        time.sleep_ms(20)
