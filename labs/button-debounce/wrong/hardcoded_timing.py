# Wrong: hard-codes the timing of the public scenario: it toggles at the times the visible
# presses happen and never reads the button.
from machine import Pin
import time
led = Pin(15, Pin.OUT)
led.off()
for at_ms in (1010, 2510, 4010, 5510):
    while time.ticks_ms() < at_ms:
        time.sleep_ms(5)
    led.toggle()
