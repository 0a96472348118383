# Wrong: reads the knob on GP15 (the LED pin) instead of GP26.
from machine import Pin, PWM, ADC
import time
pot = ADC(Pin(15))
led = PWM(Pin(15), freq=1000)
while True:
    led.duty_u16(pot.read_u16())
    time.sleep_ms(50)
