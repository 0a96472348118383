# Traffic light on GP13/GP14/GP15 (red, amber, green).
# seconds: 6
# event: pin:15 value 1,0
# event: pin:14 value 1,0
# stdout: verde
# stdout: giallo
# stdout: rosso
from machine import Pin
import utime

red = Pin(13, Pin.OUT)
amber = Pin(14, Pin.OUT)
green = Pin(15, Pin.OUT)
while True:
    print("verde")
    green.on()
    utime.sleep(2)
    green.off()
    print("giallo")
    amber.on()
    utime.sleep(1)
    amber.off()
    print("rosso")
    red.on()
    utime.sleep(2)
    red.off()
