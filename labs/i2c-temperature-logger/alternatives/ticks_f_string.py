# Style: ticks_ms scheduling and an f-string: prints "T= 21.5" (Python's shortest form).
from machine import I2C, Pin
import time

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
next_read = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), next_read) >= 0:
        data = i2c.readfrom_mem(0x48, 0, 2)
        celsius = (data[0] * 256 + data[1]) // 16 * 0.0625
        print(f"T= {celsius}")
        next_read = time.ticks_add(next_read, 1000)
    time.sleep_ms(20)
