# A DHT22 on GP15 read every 2 seconds.
# seconds: 3
# scenario: {"devices": [{"type": "dht22", "pin": 15, "curve": 21.4, "humidity": 55.2}]}
# stdout: 21.4 C 55.2 %
import dht
import time
from machine import Pin

sensor = dht.DHT22(Pin(15))
while True:
    sensor.measure()
    print(sensor.temperature(), "C", sensor.humidity(), "%")
    time.sleep(2)
