# Wrong: shifts the reading down to 10 bits (0..1023) but still uses duty_u16, so the LED never
# goes above 1.6 % brightness.
from machine import Pin, PWM, ADC
import time
pot = ADC(26)
led = PWM(Pin(15), freq=1000)
while True:
    led.duty_u16(pot.read_u16() >> 6)
    time.sleep_ms(50)
