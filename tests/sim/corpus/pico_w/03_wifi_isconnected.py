# isconnected() stays False; the program blinks an error pattern instead.
# seconds: 6
# stdout: offline
# events-min: pin:LED value 4
import network, time
from machine import Pin

led = Pin("LED", Pin.OUT)
wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect("rete", "segreta")
t0 = time.ticks_ms()
while not wlan.isconnected() and time.ticks_diff(time.ticks_ms(), t0) < 5000:
    time.sleep_ms(500)
if not wlan.isconnected():
    print("offline")
    for _ in range(3):
        led.on()
        time.sleep_ms(100)
        led.off()
        time.sleep_ms(100)
