# Wrong: forgets the 4-bit shift, so every temperature is 16 times too big.
from machine import I2C, Pin
import time
i2c = I2C(0, scl=Pin(9), sda=Pin(8))
while True:
    data = i2c.readfrom_mem(0x48, 0, 2)
    print("T=%.2f" % (((data[0] << 8) | data[1]) * 0.0625))
    time.sleep(1)
