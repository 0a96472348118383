# A weather station tries Wi-Fi, then logs the internal temperature locally when offline.
# seconds: 8
# stdout-has: offline: registro in locale
# stdout-has: C
import network, time
from machine import ADC

wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect("meteo", "pw")
for _ in range(5):
    if wlan.isconnected():
        break
    time.sleep(1)
if not wlan.isconnected():
    print("offline: registro in locale")
    sensor = ADC(4)
    v = sensor.read_u16() * 3.3 / 65535
    print(round(27 - (v - 0.706) / 0.001721, 1), "C")
