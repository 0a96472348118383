# Wrong: forgets the header line, so the spreadsheet does not know what the columns are.
from machine import I2C, Pin, ADC
import time

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
luce = ADC(27)
secondi = 0
while True:
    dati = i2c.readfrom_mem(0x48, 0, 2)
    t = (((dati[0] << 8) | dati[1]) >> 4) * 0.0625
    percento = luce.read_u16() * 100 // 65535
    print("%d,%.2f,%d" % (secondi, t, percento))
    secondi += 2
    time.sleep(2)
