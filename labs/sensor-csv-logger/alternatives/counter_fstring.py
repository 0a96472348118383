# Style: no function, the time column from a counter (0, 2, 4 ...), light with one decimal and
# an f-string: "4,21.06,55.3".
from machine import I2C, Pin, ADC
import time

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
ldr = ADC(27)
print("secondi,temperatura_c,luce_pct")
seconds = 0
while True:
    b = i2c.readfrom_mem(0x48, 0, 2)
    temp = (((b[0] << 8) | b[1]) >> 4) * 0.0625
    light = ldr.read_u16() / 65535 * 100
    print(f"{seconds},{temp:.2f},{light:.1f}")
    seconds += 2
    time.sleep(2)
