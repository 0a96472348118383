# low() and high() drive a pin like off() and on().
# seconds: 0.5
# event: pin:2 value 1,0,1
# api-clean
from machine import Pin

p = Pin(2, Pin.OUT)
p.high()
p.low()
p.high()
