# Connect to Wi-Fi with a timeout (the official Pico W guide's pattern). The access point is out
# of reach: the connection fails and the program takes its offline path.
# seconds: 15
# stdout: attendo la connessione...
# stdout-has: connessione fallita
# api-clean
import network
import time

wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect("Laboratorio", "password123")
max_wait = 10
while max_wait > 0:
    if wlan.status() < 0 or wlan.status() >= 3:
        break
    max_wait -= 1
    print("attendo la connessione...")
    time.sleep(1)
if wlan.status() != 3:
    print("connessione fallita, stato", wlan.status())
else:
    print("connesso", wlan.ifconfig()[0])
