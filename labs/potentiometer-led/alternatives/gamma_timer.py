# Style: a Timer callback updates the LED 20 times a second, with a "gamma" curve (the square
# of the knob) so the brightness looks even to the eye.
from machine import Pin, PWM, ADC, Timer

pot = ADC(26)
led = PWM(Pin(15), freq=1000)


def update(timer):
    v = pot.read_u16()
    led.duty_u16(v * v // 65535)


Timer(period=50, mode=Timer.PERIODIC, callback=update)
