# Style: ticks_ms scheduling (the loop wakes every 50 ms and samples when 2 s have passed since
# the last sample), a list of strings joined with ",", time with one decimal, readfrom_into.
from machine import I2C, Pin, ADC
import time

I2C_BUS = I2C(0, scl=Pin(9), sda=Pin(8))
LIGHT = ADC(Pin(27))
buf = bytearray(2)


def sample(t0):
    I2C_BUS.readfrom_mem_into(0x48, 0, buf)
    celsius = ((buf[0] << 8 | buf[1]) >> 4) / 16
    percent = round(LIGHT.read_u16() * 100 / 65535)
    elapsed = time.ticks_diff(time.ticks_ms(), t0) / 1000
    return [str(round(elapsed, 1)), "%.4f" % celsius, str(percent)]


print(",".join(["secondi", "temperatura_c", "luce_pct"]))
t0 = time.ticks_ms()
due = t0
while True:
    if time.ticks_diff(time.ticks_ms(), due) >= 0:
        print(",".join(sample(t0)))
        due = time.ticks_add(due, 2000)
    time.sleep_ms(50)
