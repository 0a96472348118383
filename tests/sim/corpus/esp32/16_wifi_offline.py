# Wi-Fi connect with a timeout on the ESP32: the access point is out of reach.
# seconds: 12
# stdout-has: impossibile connettersi
import network, time

sta = network.WLAN(network.STA_IF)
sta.active(True)
sta.connect("casa", "password")
for _ in range(10):
    if sta.isconnected():
        break
    time.sleep(1)
if sta.isconnected():
    print("ip", sta.ifconfig()[0])
else:
    print("impossibile connettersi, stato", sta.status())
