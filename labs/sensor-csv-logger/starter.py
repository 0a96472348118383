from machine import I2C, Pin, ADC
import time

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
luce = ADC(27)


def temperatura():
    dati = i2c.readfrom_mem(0x48, 0, 2)
    grezzo = ((dati[0] << 8) | dati[1]) >> 4
    return grezzo * 0.0625


# 1. stampa l'intestazione / print the header
inizio = time.ticks_ms()
while True:
    # 2. leggi temperatura e luce, stampa una riga CSV / read both, print one CSV row
    time.sleep(2)
