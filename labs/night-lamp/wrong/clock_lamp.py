# Wrong: hard-codes the timing of the public scenario: the LED is switched by the clock (on from
# 2.8 s to 6.3 s) and the sensor is never read.
from machine import Pin
import time
led = Pin(15, Pin.OUT)
led.off()
time.sleep_ms(2800)
led.on()
time.sleep_ms(3500)
led.off()
while True:
    time.sleep(1)
