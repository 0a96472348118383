# ESP32: fade the onboard LED (GPIO2 on most DevKits) with the legacy 10-bit duty() API.
# (GPIO4 is the reference kit's DHT22: keep it for the sensor.)
from machine import Pin, PWM
import time

pwm = PWM(Pin(2), freq=5000)
for d in list(range(0, 1024, 64)) + list(range(1023, -1, -64)):
    pwm.duty(d)
    time.sleep_ms(30)
pwm.deinit()
