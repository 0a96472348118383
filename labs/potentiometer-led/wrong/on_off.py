# Wrong: only switches the LED fully on or off at half way, instead of dimming it.
from machine import Pin, PWM, ADC
import time
pot = ADC(26)
led = PWM(Pin(15), freq=1000)
while True:
    led.duty_u16(65535 if pot.read_u16() > 32768 else 0)
    time.sleep_ms(50)
