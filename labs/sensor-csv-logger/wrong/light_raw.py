# Wrong: prints the raw light reading (0-65535) in the luce_pct column instead of a percentage.
from machine import I2C, Pin, ADC
import time

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
luce = ADC(27)
print("secondi,temperatura_c,luce_pct")
secondi = 0
while True:
    dati = i2c.readfrom_mem(0x48, 0, 2)
    t = (((dati[0] << 8) | dati[1]) >> 4) * 0.0625
    print("%d,%.2f,%d" % (secondi, t, luce.read_u16()))
    secondi += 2
    time.sleep(2)
