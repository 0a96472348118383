# A potentiometer on GPIO 34 read with read() (12 bits) and read_u16().
# seconds: 0.5
# scenario: {"devices": [{"type": "potentiometer", "pin": 34, "curve": 1.0}]}
# stdout: 4095
# stdout: 65535
from machine import ADC, Pin

pot = ADC(Pin(34))
pot.atten(ADC.ATTN_11DB)
print(pot.read())
print(pot.read_u16())
