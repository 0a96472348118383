# Wrong: divides the reading by 2, so the LED reaches only half brightness.
from machine import Pin, PWM, ADC
import time
pot = ADC(26)
led = PWM(Pin(15), freq=1000)
while True:
    led.duty_u16(pot.read_u16() // 2)
    time.sleep_ms(50)
