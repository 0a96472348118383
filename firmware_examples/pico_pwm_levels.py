# Pico: five brightness levels on an LED (GP15), each held for a second.
# Teaches PWM duty_u16(): 0 is off, 65535 is fully on, 16384 is a quarter of the time on.
from machine import Pin, PWM
import time

led = PWM(Pin(15), freq=1000)
for percent in (0, 25, 50, 75, 100):
    led.duty_u16(percent * 65535 // 100)
    print("brightness", percent, "%")
    time.sleep(1)
led.duty_u16(0)
