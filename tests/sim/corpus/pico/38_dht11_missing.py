# A DHT11 that is not wired: measure() times out with OSError ETIMEDOUT (110).
# seconds: 1
# stdout: sensore assente 110
import dht
from machine import Pin

sensor = dht.DHT11(Pin(4))
try:
    sensor.measure()
except OSError as e:
    print("sensore assente", e.args[0])
