# Wrong: inverts the reading, so the LED gets dimmer as the knob goes up.
from machine import Pin, PWM, ADC
import time
pot = ADC(26)
led = PWM(Pin(15), freq=1000)
while True:
    led.duty_u16(65535 - pot.read_u16())
    time.sleep_ms(50)
