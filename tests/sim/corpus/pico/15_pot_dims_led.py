# The potentiometer sets the LED brightness (PWM duty follows the ADC).
# seconds: 1
# scenario: {"devices": [{"type": "potentiometer", "pin": 26, "curve": [[0, 0], [1000, 1]]}]}
# events-min: pwm:15 duty 5
from machine import ADC, Pin, PWM
import time

pot = ADC(Pin(26))
led = PWM(Pin(15))
led.freq(1000)
while True:
    led.duty_u16(pot.read_u16())
    time.sleep_ms(50)
