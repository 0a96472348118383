from machine import Pin
import time

led = Pin("LED", Pin.OUT)

# Fai lampeggiare il LED: acceso 250 ms, spento 250 ms, per sempre.
# Make the LED blink: on for 250 ms, off for 250 ms, forever.
led.on()
