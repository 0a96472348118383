# Style: converts the reading to a percentage (a float) and back to a duty; sleeps with
# time.sleep(0.05).
from machine import Pin, PWM, ADC
import time

knob = ADC(Pin(26))
led = PWM(Pin(15))
led.freq(1000)
while True:
    percent = knob.read_u16() / 65535 * 100
    led.duty_u16(int(percent * 655.35))
    time.sleep(0.05)
