# Wrong: separates the columns with semicolons and a space ("0; 21.3; 40.0"), which is not the
# comma-separated format the header promises.
import network
import time
import dht
from machine import Pin

sensore = dht.DHT22(Pin(4))
wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect("LAB-SCUOLA", "officina")

print("secondi,temperatura,umidita")
n = 0
while True:
    sensore.measure()
    print(n * 2, ";", sensore.temperature(), ";", sensore.humidity())
    n += 1
    if n % 5 == 0 and not wlan.isconnected():
        print("# wifi: riprovo")
        wlan.connect("LAB-SCUOLA", "officina")
    time.sleep(2)
