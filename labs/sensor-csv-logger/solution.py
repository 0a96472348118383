from machine import I2C, Pin, ADC
import time

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
luce = ADC(27)


def temperatura():
    dati = i2c.readfrom_mem(0x48, 0, 2)
    grezzo = ((dati[0] << 8) | dati[1]) >> 4
    return grezzo * 0.0625


print("secondi,temperatura_c,luce_pct")
inizio = time.ticks_ms()
while True:
    t = temperatura()
    percento = luce.read_u16() * 100 // 65535
    secondi = time.ticks_diff(time.ticks_ms(), inizio) // 1000
    print("%d,%.2f,%d" % (secondi, t, percento))
    time.sleep(2)
