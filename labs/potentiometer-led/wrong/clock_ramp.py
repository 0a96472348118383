# Wrong: hard-codes the timing of the public scenario: the brightness ramps up for 3 s and down
# for 3 s by the clock, without reading the knob.
from machine import Pin, PWM
import time
led = PWM(Pin(15), freq=1000)
for step in range(61):
    led.duty_u16(min(65535, step * 65535 // 30) if step <= 30 else (60 - step) * 65535 // 30)
    time.sleep_ms(100)
