# Pico: move a servo on GP15 to a few fixed angles, using duty_ns() (the pulse length in nanoseconds).
# Pulses: 0.5 ms = 0 degrees, 1.5 ms = 90 degrees, 2.5 ms = 180 degrees, one pulse every 20 ms (50 Hz).
from machine import Pin, PWM
import time

servo = PWM(Pin(15), freq=50)
for pulse_ms, label in ((1.5, "90"), (1.0, "45"), (2.0, "135"), (1.5, "90")):
    servo.duty_ns(int(pulse_ms * 1_000_000))
    print("angle", label, "degrees: pulse", pulse_ms, "ms")
    time.sleep_ms(800)
servo.deinit()
