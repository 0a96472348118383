# Wrong: hard-codes the public scenario: it reads the sensor (to look busy) but prints the
# temperature computed from the clock (20 °C + 0.5 °C per second).
from machine import I2C, Pin
import time
i2c = I2C(0, scl=Pin(9), sda=Pin(8))
while True:
    i2c.readfrom_mem(0x48, 0, 2)
    print("T=%.2f" % (20 + time.ticks_ms() / 2000))
    time.sleep(1)
